import { NumberIsInteger } from '../primordials/primordials';
import { BRAND, PROTOCOL_VERSION } from './envelope';
import { utf8Length } from './utf8';

/** The largest close reason WebSocket.close() accepts, in UTF-8 bytes (WHATWG). */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * The tester's fault control for one socket, from the panel to the recorder of the socket's
 * document. 'close': the native close(code, reason), as if the page had called it. 'drop': the
 * connection is torn down and the page's handlers see an abnormal 1006. Checked by hand, like the
 * sync request, so the MAIN-world bundle stays free of the validator. A page can forge this on
 * its own channel; all it can do with it is close its own sockets.
 */
export interface InjectCommand {
  source: typeof BRAND;
  v: typeof PROTOCOL_VERSION;
  type: 'inject';
  doc: string;
  socket: number;
  action: 'close' | 'drop';
  /** For 'close' only; null for a drop. */
  code: number | null;
  reason: string | null;
}

/**
 * The codes WebSocket.close(code) accepts (WHATWG): 1000 and 3000-4999. The one definition, for
 * the recorder, the fault controls and the close-code knowledge alike.
 */
export function pageMaySend(code: number): boolean {
  return NumberIsInteger(code) && (code === 1000 || (code >= 3000 && code <= 4999));
}

/** Why close(code, reason) would throw in the page, or null when the browser accepts it. */
export function closeArgsError(code: number, reason: string): string | null {
  if (!pageMaySend(code)) return 'The code must be 1000 or 3000-4999 (what close() accepts).';
  if (utf8Length(reason) > MAX_CLOSE_REASON_BYTES)
    return `The reason must be at most ${MAX_CLOSE_REASON_BYTES} bytes of UTF-8.`;
  return null;
}

export function isInjectCommand(m: unknown): m is InjectCommand {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<InjectCommand>;
  if (r.source !== BRAND || r.v !== PROTOCOL_VERSION || r.type !== 'inject') return false;
  if (typeof r.doc !== 'string' || !NumberIsInteger(r.socket)) return false;
  if (r.action === 'drop') return r.code === null && r.reason === null;
  return (
    r.action === 'close' &&
    typeof r.code === 'number' &&
    typeof r.reason === 'string' &&
    closeArgsError(r.code, r.reason) === null
  );
}

/** What the tester asks for: a close with its arguments, or a drop. */
export type InjectRequest = { action: 'close'; code: number; reason: string } | { action: 'drop' };

/** The command for one socket of one document. */
export function injectCommand(doc: string, socket: number, request: InjectRequest): InjectCommand {
  const args =
    request.action === 'close'
      ? { code: request.code, reason: request.reason }
      : { code: null, reason: null };
  return { source: BRAND, v: PROTOCOL_VERSION, type: 'inject', doc, socket, action: request.action, ...args };
}
