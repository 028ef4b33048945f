import { NumberIsInteger, RegExpPrototypeExec } from '../primordials/primordials';
import { BRAND, PROTOCOL_VERSION } from './envelope';
import { utf8Length } from './utf8';

/** The largest close reason WebSocket.close() accepts, in UTF-8 bytes (WHATWG). */
export const MAX_CLOSE_REASON_BYTES = 123;
/**
 * The largest message the tester can send or inject, in bytes (UTF-8 for text): far more than a
 * hand-written message needs, and small enough that the command crosses every hop (panel,
 * service worker, relay, page) in one piece.
 */
export const MAX_TESTER_MESSAGE_BYTES = 1024 * 1024;

/**
 * A message the tester wrote: text as it is, binary as lower-case hex (JSON carries no bytes,
 * and hex is checked and decoded in the page with nothing but character codes).
 */
export interface TesterMessage {
  kind: 'text' | 'binary';
  data: string;
}

/**
 * The tester acting on one socket, from the panel to the recorder of the socket's document.
 * Faults: 'close', the native close(code, reason) as if the page had called it; 'drop', the
 * connection torn down and an abnormal 1006 shown to the page's handlers. Messages: 'send', the
 * native send() as if the page had called it (the server gets it); 'receive', a message event
 * delivered to the page as if the server had sent it (the server sees nothing). Checked by hand,
 * like the sync request, so the MAIN-world bundle stays free of the validator. A page can forge
 * this on its own channel; all it can do with it is close its own sockets or talk on them, which
 * it can do anyway.
 */
export interface InjectCommand {
  source: typeof BRAND;
  v: typeof PROTOCOL_VERSION;
  type: 'inject';
  doc: string;
  socket: number;
  action: 'close' | 'drop' | 'send' | 'receive';
  /** For 'close' only; null otherwise. */
  code: number | null;
  reason: string | null;
  /** For 'send' and 'receive' only; null otherwise. */
  message: TesterMessage | null;
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

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Whether `m` is a message the recorder can send or deliver: kind, form and size. */
export function isTesterMessage(m: unknown): m is TesterMessage {
  if (typeof m !== 'object' || m === null) return false;
  const { kind, data } = m as Partial<TesterMessage>;
  if (typeof data !== 'string') return false;
  if (kind === 'text') return utf8Length(data) <= MAX_TESTER_MESSAGE_BYTES;
  return (
    kind === 'binary' &&
    data.length <= 2 * MAX_TESTER_MESSAGE_BYTES &&
    RegExpPrototypeExec(HEX, data) !== null
  );
}

export function isInjectCommand(m: unknown): m is InjectCommand {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<InjectCommand>;
  if (r.source !== BRAND || r.v !== PROTOCOL_VERSION || r.type !== 'inject') return false;
  if (typeof r.doc !== 'string' || !NumberIsInteger(r.socket)) return false;
  if (r.action === 'send' || r.action === 'receive')
    return r.code === null && r.reason === null && isTesterMessage(r.message);
  if (r.message !== null) return false;
  if (r.action === 'drop') return r.code === null && r.reason === null;
  return (
    r.action === 'close' &&
    typeof r.code === 'number' &&
    typeof r.reason === 'string' &&
    closeArgsError(r.code, r.reason) === null
  );
}

/** What the tester asks for: a close with its arguments, a drop, or a message either way. */
export type InjectRequest =
  | { action: 'close'; code: number; reason: string }
  | { action: 'drop' }
  | { action: 'send' | 'receive'; message: TesterMessage };

/** The command for one socket of one document. */
export function injectCommand(doc: string, socket: number, request: InjectRequest): InjectCommand {
  const args =
    request.action === 'close'
      ? { code: request.code, reason: request.reason, message: null }
      : request.action === 'drop'
        ? { code: null, reason: null, message: null }
        : { code: null, reason: null, message: { kind: request.message.kind, data: request.message.data } };
  return { source: BRAND, v: PROTOCOL_VERSION, type: 'inject', doc, socket, action: request.action, ...args };
}
