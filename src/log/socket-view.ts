import { explainClose } from '../close-codes';
import { describeHandshakeReport, isSpecificFailure } from '../close-codes/handshake-report';
import { describeWireReport, isWireNotable, wireHeaderLines } from '../close-codes/wire-report';
import type { CloseExplanation } from '../close-codes/types';
import type { SocketSummary } from '../protocol/socket-summary';
import type { SocketRecord } from './socket-record';

/**
 * The explanation of a closed socket's close, from what its page saw, made specific by what the
 * browser told the extension about the handshake of a socket that never opened; null while the
 * socket lives.
 */
export function explainSocket(
  s: SocketSummary & Partial<Pick<SocketRecord, 'handshake' | 'wire'>>,
): CloseExplanation | null {
  const x = explainPageSide(s);
  const w = s.wire;
  if (!x || !w || !isWireNotable(w) || s.injected) return x;
  const what = describeWireReport(w);
  const headers = wireHeaderLines(w);
  const told = `Chromium's DevTools protocol (deep capture) reported that ${what}.`;
  return {
    ...x,
    headline: w.statusCode !== null ? `Handshake failed, never opened: ${what}` : capitalised(what),
    context: [
      told,
      ...(headers.length > 0 ? [`The response's headers: ${headers.join('; ')}.`] : []),
      ...x.context.filter((c) => !c.startsWith('What the browser told the extension')),
    ],
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The explanation from what the page saw and what webRequest reported. */
function explainPageSide(
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

/** Per close: a closed socket's explanation changes only with its handshake and wire reports. */
const cache = new WeakMap<object, { handshake: unknown; wire: unknown; x: CloseExplanation | null }>();

/**
 * explainSocket, remembered per close until the socket's handshake report changes: views ask
 * for every visible socket on every render, and a close never changes once it happened.
 */
export function explainCached(s: SocketRecord): CloseExplanation | null {
  if (!s.close) return null;
  const hit = cache.get(s.close);
  if (hit && hit.handshake === s.handshake && hit.wire === s.wire) return hit.x;
  const x = explainSocket(s);
  cache.set(s.close, { handshake: s.handshake, wire: s.wire, x });
  return x;
}
