import type { MessageRecord } from '../log/socket-record';
import { parseHex, toSpacedHex } from './bytes';
import type { Draft } from './draft';
import { jsonError } from './draft';

/**
 * A logged message as a draft to edit and send again: text as text (JSON when it is an object or
 * an array), binary as hex. Only its preview was kept, so a long message comes back cut, and
 * `note` says so.
 */
export function draftFromMessage(
  m: MessageRecord,
): { ok: true; draft: Draft; note: string | null } | { ok: false; error: string } {
  if (m.preview === null)
    return { ok: false, error: 'Its bytes were never read (a Blob): nothing to resend.' };
  const note = m.truncated
    ? m.kind === 'text'
      ? `Only its first ${m.preview.length.toLocaleString('en-US')} characters were kept, so that is all the composer holds.`
      : `Only its first ${(m.preview.length / 2).toLocaleString('en-US')} bytes were kept, so that is all the composer holds.`
    : null;
  if (m.kind === 'binary') {
    const bytes = parseHex(m.preview);
    return {
      ok: true,
      draft: { format: 'hex', body: bytes.ok ? toSpacedHex(bytes.bytes) : m.preview },
      note,
    };
  }
  const json = !m.truncated && /^\s*[[{]/.test(m.preview) && jsonError(m.preview) === null;
  return { ok: true, draft: { format: json ? 'json' : 'text', body: m.preview }, note };
}
