import type { WireReport } from '../../protocol/deep-capture';

/** Sockets a session remembers the URL of, until they close: a page cannot make it grow forever. */
const MAX_TRACKED = 2000;

/** Chromium's console text for an upgrade answered with another status than 101. */
const UNEXPECTED_STATUS = /Unexpected response code: (\d{3})\b/;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/**
 * Turns one debugger session's `Network.webSocket*` events into reports of what Chromium knew
 * and the page could not see. Measured: a refused upgrade (403...) sends no
 * `webSocketHandshakeResponseReceived`, only `webSocketFrameError`. Chromium's message for it
 * has read "Error during WebSocket handshake: Unexpected response code: 403", which is read here;
 * in Chromium 156.0.8078.108 it is empty (so is the console line), and the status is out of reach. A close frame
 * with a reserved code sends "Received a broken close frame containing a reserved status code."
 * (the code itself is not said); a clean close sends only `webSocketClosed`.
 */
export class WireTracker {
  private readonly urls = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  event(method: string, params: unknown): WireReport | null {
    if (!isObject(params)) return null;
    const requestId = str(params.requestId);
    if (requestId === null) return null;
    switch (method) {
      case 'Network.webSocketCreated': {
        const url = str(params.url);
        if (url === null) return null;
        if (this.urls.size >= MAX_TRACKED) {
          const oldest = this.urls.keys().next();
          if (!oldest.done) this.urls.delete(oldest.value);
        }
        this.urls.set(requestId, url);
        return null;
      }
      case 'Network.webSocketClosed':
        this.urls.delete(requestId);
        return null;
      case 'Network.webSocketHandshakeResponseReceived':
        return this.response(requestId, params.response);
      case 'Network.webSocketFrameError': {
        // An empty message (a refused upgrade, Chromium 156.0.8078.108) adds nothing.
        const error = str(params.errorMessage) || null;
        const status = error === null ? undefined : UNEXPECTED_STATUS.exec(error)?.[1];
        if (error === null) return null;
        return this.report(requestId, {
          statusCode: status === undefined ? null : Number(status),
          error,
        });
      }
      default:
        return null;
    }
  }

  /** A response other than 101: Chromium 156 sends none, but DevTools' protocol defines it. */
  private response(requestId: string, response: unknown): WireReport | null {
    if (!isObject(response) || typeof response.status !== 'number' || response.status === 101) return null;
    const headers = isObject(response.headers)
      ? Object.entries(response.headers).flatMap(([name, value]) =>
          typeof value === 'string' ? [{ name, value }] : [],
        )
      : null;
    return this.report(requestId, {
      statusCode: response.status,
      statusText: str(response.statusText),
      headers,
    });
  }

  private report(requestId: string, facts: Partial<WireReport>): WireReport | null {
    const url = this.urls.get(requestId);
    if (url === undefined) return null;
    return {
      requestId,
      url,
      at: this.now(),
      statusCode: null,
      statusText: null,
      headers: null,
      error: null,
      ...facts,
    };
  }
}
