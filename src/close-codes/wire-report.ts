import type { WireReport } from '../protocol/deep-capture';
import { describeHandshakeReport } from './handshake-report';

/**
 * Chromium's own words when it fails a connection (net/websockets, as `Network.webSocketFrameError`
 * and the console line), and what each says the server did. None names the bytes themselves: for
 * a close frame with a reserved code, Chromium does not say which of the three it was.
 */
const FRAME_ERRORS: [RegExp, string][] = [
  [
    /close frame containing a reserved status code/i,
    'the server sent a close frame carrying a reserved code (1005, 1006 or 1015; Chromium does not say which), which the protocol forbids on the wire; Chromium failed the connection and the page saw 1006',
  ],
  [
    /close frame with an invalid size|close frame.*(length|size)/i,
    'the server sent a close frame with a 1-byte body (a code takes 2 bytes); Chromium failed the connection and the page saw 1006',
  ],
  [
    /close frame containing invalid UTF-8/i,
    'the server sent a close frame whose reason is not valid UTF-8; Chromium failed the connection and the page saw 1006',
  ],
  [
    /decode a text frame as UTF-8/i,
    'the server sent a text message that is not valid UTF-8; Chromium failed the connection and the page saw 1006',
  ],
  [
    /opcode/i,
    'the server sent a frame with an opcode the protocol does not define; Chromium failed the connection',
  ],
];

/** Whether the report says more than the page saw: an HTTP status, or Chromium's reason. */
export function isWireNotable(w: WireReport): boolean {
  return w.statusCode !== null || w.error !== null;
}

/** What the server did, in one line, from what Chromium's DevTools protocol reported. */
export function describeWireReport(w: WireReport): string {
  if (w.statusCode !== null) {
    return describeHandshakeReport({
      requestId: w.requestId,
      frameId: 0,
      url: w.url,
      at: w.at,
      statusCode: w.statusCode,
      statusLine: w.statusText === null ? null : `${w.statusCode} ${w.statusText}`,
      error: null,
    });
  }
  const error = w.error ?? '';
  const known = FRAME_ERRORS.find(([pattern]) => pattern.test(error));
  return known ? known[1] : `Chromium failed the connection: “${error}”`;
}

/** The report's response headers as lines, when Chromium sent any. */
export function wireHeaderLines(w: WireReport): string[] {
  return (w.headers ?? []).map(({ name, value }) => `${name}: ${value}`);
}
