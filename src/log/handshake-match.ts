import type { HandshakeReport } from '../protocol/handshake';
import type { SocketRecord } from './socket-record';

/** The page's and the browser's clocks are both epoch ms, but read in different processes. */
const CLOCK_SLACK_MS = 1000;

/** Some browsers report the upgrade request with its http(s) URL. */
const asWebSocketUrl = (url: string) => url.replace(/^http(s?):/, 'ws$1:');

/**
 * The socket a handshake report belongs to: the one that already holds a report of the same
 * request, else one of the same frame and URL, without a report yet, created before the report
 * (and, for a failure, never opened); the newest such, as retries reuse the URL.
 */
export function matchHandshake(
  report: HandshakeReport,
  sockets: Iterable<SocketRecord>,
): SocketRecord | undefined {
  let best: SocketRecord | undefined;
  const url = asWebSocketUrl(report.url);
  const succeeded = report.statusCode === 101;
  for (const s of sockets) {
    if (s.handshake?.requestId === report.requestId) return s;
    if (
      s.frameId !== report.frameId ||
      s.url !== url ||
      s.handshake !== null ||
      (!succeeded && s.openedAt !== null)
    )
      continue;
    if (s.createdAt > report.at + CLOCK_SLACK_MS) continue;
    if (!best || s.createdAt > best.createdAt) best = s;
  }
  return best;
}
