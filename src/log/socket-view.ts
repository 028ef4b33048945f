import { explainClose } from '../close-codes';
import { describeHandshakeReport, isSpecificFailure } from '../close-codes/handshake-report';
import type { CloseExplanation } from '../close-codes/types';
import type { SocketSummary } from '../protocol/socket-summary';
import type { SocketRecord } from './socket-record';

/**
 * The explanation of a closed socket's close, from what its page saw, made specific by what the
 * browser told the extension about the handshake of a socket that never opened; null while the
 * socket lives.
 */
export function explainSocket(
  s: SocketSummary & Partial<Pick<SocketRecord, 'handshake'>>,
): CloseExplanation | null {
  if (!s.close) return null;
  const x = explainClose({
    code: s.close.code,
    reason: s.close.reason,
    wasClean: s.close.wasClean,
    opened: s.openedAt !== null,
    errored: s.errorAt !== null,
    closeCall: s.closeCall && { code: s.closeCall.code, reason: s.closeCall.reason },
    injected: s.injected && { action: s.injected.action, code: s.injected.code, reason: s.injected.reason },
  });
  if (!s.handshake || s.openedAt !== null || s.injected) return x;
  if (s.handshake.statusCode === 101) {
    // Seen in Firefox 153: a bad frame right behind the 101 fails the connection before `open`.
    return {
      ...x,
      headline:
        'The server accepted the handshake (101), then the browser failed the connection before open: the server broke the protocol',
      context: [
        'The browser reported to the extension that the server answered the upgrade request with 101 Switching Protocols, so the handshake succeeded; the page never saw open because the browser failed the connection at once, which happens when the server sends something invalid right behind the handshake (a text frame that is not UTF-8, a reserved opcode, a malformed frame).',
      ],
    };
  }
  const why = describeHandshakeReport(s.handshake);
  if (!isSpecificFailure(s.handshake))
    return { ...x, context: [...x.context.slice(0, 1), `What the browser told the extension: ${why}.`] };
  return {
    ...x,
    headline: `Handshake failed, never opened: ${why}`,
    context: [
      `The browser reported to the extension that ${why}. The page itself only saw a 1006.`,
      ...x.context.slice(0, 1),
    ],
  };
}

/** Milliseconds from creation to close, or to `now` for a socket still alive. */
export function lifetime(s: SocketSummary, now: number): number {
  return (s.closedAt ?? now) - s.createdAt;
}

const cache = new WeakMap<object, { close: unknown; handshake: unknown; x: CloseExplanation | null }>();

/**
 * explainSocket, remembered per socket until its close or handshake report changes: views ask
 * for every socket on every render, and closed sockets rarely change.
 */
export function explainCached(s: SocketRecord): CloseExplanation | null {
  const hit = cache.get(s);
  if (hit && hit.close === s.close && hit.handshake === s.handshake) return hit.x;
  const x = explainSocket(s);
  cache.set(s, { close: s.close, handshake: s.handshake, x });
  return x;
}
