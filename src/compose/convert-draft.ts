import { parseBase64, parseHex, toBase64, toSpacedHex, utf8Text } from './bytes';
import type { Parsed } from './bytes';
import type { Draft, DraftFormat } from './draft';

/** A draft in another format, with the same bytes when they can be kept; `note` says when not. */
export function convertDraft(draft: Draft, format: DraftFormat): { draft: Draft; note: string | null } {
  const from = draft.format;
  const kept = { draft: { format, body: draft.body }, note: null };
  if (from === format || draft.body.trim() === '') return kept;
  const textual = (f: DraftFormat) => f === 'text' || f === 'json';
  if (textual(from) && textual(format)) return kept;
  const parsed: Parsed = textual(from)
    ? { ok: true, bytes: new TextEncoder().encode(draft.body) }
    : from === 'hex'
      ? parseHex(draft.body)
      : parseBase64(draft.body);
  if (!parsed.ok) return { ...kept, note: 'The body was kept as typed: it is not valid in its format.' };
  return convertBytes(parsed.bytes, format, kept);
}

function convertBytes(
  bytes: Uint8Array,
  format: DraftFormat,
  kept: { draft: Draft; note: string | null },
): { draft: Draft; note: string | null } {
  if (format === 'hex') return { draft: { format, body: toSpacedHex(bytes) }, note: null };
  if (format === 'base64') return { draft: { format, body: toBase64(bytes) }, note: null };
  const text = utf8Text(bytes);
  if (text === null) return { ...kept, note: 'The body was kept as typed: its bytes are not UTF-8 text.' };
  return { draft: { format, body: text }, note: null };
}
