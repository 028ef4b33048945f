/**
 * What the browser told the extension (webRequest, observe only) about a WebSocket handshake:
 * the upgrade response's status, or the network error. The page itself can never see this.
 */
export interface HandshakeReport {
  /** webRequest's id: one handshake can report a status and then an error. */
  requestId: string;
  frameId: number;
  url: string;
  /** Epoch milliseconds of the webRequest event. */
  at: number;
  /** The upgrade response's HTTP status, when the server answered. */
  statusCode: number | null;
  statusLine: string | null;
  /** The network error, e.g. net::ERR_CONNECTION_REFUSED, when it never got a response. */
  error: string | null;
}
