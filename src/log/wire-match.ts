import type { WireReport } from '../protocol/deep-capture';
import { CLOCK_SLACK_MS, LOOKBACK_MS } from './handshake-match';
import type { SocketRecord } from './socket-record';

/**
 * The socket a DevTools-protocol report belongs to, among sockets given newest first: the one
 * already holding a report of the same request, else the newest of the same URL without one,
 * created before the report. CDP names no frame for a socket, and a worker's sockets come through
 * its own session, so the URL and the time are what there is.
 */
export function matchWire(report: WireReport, newestFirst: Iterable<SocketRecord>): SocketRecord | undefined {
  let best: SocketRecord | undefined;
  for (const s of newestFirst) {
    if (s.createdAt < report.at - LOOKBACK_MS) break;
    if (s.url !== report.url) continue;
    if (s.wire?.requestId === report.requestId) return s;
    if (best || s.wire || s.createdAt > report.at + CLOCK_SLACK_MS) continue;
    best = s;
  }
  return best;
}
