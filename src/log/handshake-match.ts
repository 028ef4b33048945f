import type { HandshakeFailure } from '../protocol/handshake';
import type { SocketRecord } from './socket-record';

/** The page's and the browser's clocks are both epoch ms, but read in different processes. */
const CLOCK_SLACK_MS = 1000;

/** Some browsers report the upgrade request with its http(s) URL. */
const asWebSocketUrl = (url: string) => url.replace(/^http(s?):/, 'ws$1:');

/**
 * The socket a handshake failure belongs to: the one that already holds a report of the same
 * request, else one of the same frame and URL, never opened, without a report yet, created
 * before the failure; the newest such, as retries reuse the URL.
 */
export function matchHandshake(failure: HandshakeFailure, sockets: Iterable<SocketRecord>): SocketRecord | undefined {
  let best: SocketRecord | undefined;
  const url = asWebSocketUrl(failure.url);
  for (const s of sockets) {
    if (s.handshake?.requestId === failure.requestId) return s;
    if (s.frameId !== failure.frameId || s.url !== url || s.openedAt !== null || s.handshake !== null) continue;
    if (s.createdAt > failure.at + CLOCK_SLACK_MS) continue;
    if (!best || s.createdAt > best.createdAt) best = s;
  }
  return best;
}
