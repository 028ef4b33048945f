import { MAX_TESTER_MESSAGE_BYTES } from '../protocol/inject-command';
import type { TesterMessage } from '../protocol/inject-command';
import { utf8Length } from '../protocol/utf8';
import { parseBase64, parseHex, toHex } from './bytes';

/** How the tester writes a message: as text, as JSON (checked), or as bytes in hex or base64. */
export type DraftFormat = 'text' | 'json' | 'hex' | 'base64';

export const DRAFT_FORMATS: readonly { format: DraftFormat; label: string }[] = [
  { format: 'text', label: 'Text' },
  { format: 'json', label: 'JSON' },
  { format: 'hex', label: 'Binary (hex)' },
  { format: 'base64', label: 'Binary (base64)' },
];

export function isDraftFormat(v: unknown): v is DraftFormat {
  return DRAFT_FORMATS.some((f) => f.format === v);
}

/** What the composer holds: the body exactly as typed, and how to read it. */
export interface Draft {
  readonly format: DraftFormat;
  readonly body: string;
}

export const EMPTY_DRAFT: Draft = { format: 'text', body: '' };

/** A draft that can go out as it is, and its size in bytes; or what is wrong with it, in words. */
export type DraftCheck =
  { ok: true; message: TesterMessage; bytes: number } | { ok: false; error: string; empty: boolean };

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Reads a draft as the message it makes: text and JSON as written (JSON checked), bytes decoded. */
export function checkDraft(draft: Draft): DraftCheck {
  const { format, body } = draft;
  if (format === 'text' || format === 'json') {
    if (body === '') return { ok: false, error: 'Write a message.', empty: true };
    const bytes = utf8Length(body);
    if (bytes > MAX_TESTER_MESSAGE_BYTES) return tooLarge(bytes);
    if (format === 'json') {
      const error = jsonError(body);
      if (error !== null) return { ok: false, error: `Not valid JSON: ${error}`, empty: false };
    }
    return { ok: true, message: { kind: 'text', data: body }, bytes };
  }
  if (body.trim() === '') return { ok: false, error: 'Write the bytes.', empty: true };
  const parsed = format === 'hex' ? parseHex(body) : parseBase64(body);
  if (!parsed.ok)
    return {
      ok: false,
      error: `Not valid ${format === 'hex' ? 'hex' : 'base64'}: ${parsed.error}`,
      empty: false,
    };
  if (parsed.bytes.length > MAX_TESTER_MESSAGE_BYTES) return tooLarge(parsed.bytes.length);
  return { ok: true, message: { kind: 'binary', data: toHex(parsed.bytes) }, bytes: parsed.bytes.length };
}

function tooLarge(bytes: number): DraftCheck {
  return {
    ok: false,
    error: `Too large: ${mib(bytes)}; a tester's message may be at most ${mib(MAX_TESTER_MESSAGE_BYTES)}.`,
    empty: false,
  };
}

/** The JSON parser's own words for what is wrong, or null for valid JSON. */
export function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
