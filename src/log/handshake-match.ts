import type { HandshakeReport } from '../protocol/handshake';
import type { SocketRecord } from './socket-record';

/** The page's and the browser's clocks are both epoch ms, but read in different processes. */
export const CLOCK_SLACK_MS = 1000;
/**
 * A handshake is reported while it happens: its socket was created shortly before. Looking no
 * further back keeps matching cheap in a log of 200,000 sockets.
 */
export const LOOKBACK_MS = 120_000;

/** Some browsers report the upgrade request with its http(s) URL. */
const asWebSocketUrl = (url: string) => url.replace(/^http(s?):/, 'ws$1:');

/**
 * The socket a handshake report belongs to, among sockets given newest first: the one that
 * already holds a report of the same request, else the newest of the same frame and URL, without
 * a report yet, created before the report (and, for a failure, never opened), as retries reuse
 * the URL.
 */
export function matchHandshake(
  report: HandshakeReport,
  newestFirst: Iterable<SocketRecord>,
): SocketRecord | undefined {
  const url = asWebSocketUrl(report.url);
  const succeeded = report.statusCode === 101;
  let best: SocketRecord | undefined;
  for (const s of newestFirst) {
    if (s.createdAt < report.at - LOOKBACK_MS) break;
    if (s.handshake?.requestId === report.requestId) return s;
    if (best || s.createdAt > report.at + CLOCK_SLACK_MS) continue;
    if (s.frameId !== report.frameId || s.url !== url || s.handshake !== null) continue;
    if (!succeeded && s.openedAt !== null) continue;
    best = s;
  }
  return best;
}
