import type { HandshakeReport } from '../protocol/handshake';

/**
 * Errors that say nothing about the cause. Measured in Chromium 156: refused connections and
 * HTTP error statuses alike reach extensions as net::ERR_FAILED, and DevTools' own network log
 * shows status 0 for them.
 */
const GENERIC_ERRORS = /^(net::ERR_FAILED|NS_ERROR_FAILURE)$/;

/** Network errors worth a plain-language name (Chromium's net:: names, Firefox's NS_ names). */
const NETWORK_ERRORS: [RegExp, string][] = [
  [/CONNECTION_REFUSED/, 'connection refused: nothing accepts connections on that host and port'],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST/, 'the host name did not resolve (DNS)'],
  [/CONNECTION_RESET|NET_RESET/, 'the connection was reset before the handshake completed'],
  [/TIMED_OUT|NET_TIMEOUT/, 'the connection timed out'],
  [/CERT|SEC_ERROR|SSL|TLS/, 'the TLS handshake or certificate check failed'],
  [/BLOCKED/, 'blocked by the browser, an extension or a policy'],
  [/ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|OFFLINE/, 'the network is unreachable'],
  [
    /INVALID_HTTP_RESPONSE|EMPTY_RESPONSE|INVALID_CONTENT_ENCODING/,
    'the server sent an invalid response to the upgrade request',
  ],
  [/TUNNEL_CONNECTION_FAILED|PROXY/, 'a proxy refused or failed the connection'],
];

const STATUS_HINTS: Record<number, string> = {
  400: 'the server rejected the upgrade request as malformed (check the path, query and headers)',
  401: 'authentication required: the server wants credentials the page did not send',
  403: 'forbidden: often auth middleware or an origin check refusing this page',
  404: 'no WebSocket endpoint at this path',
  426: 'the server wants a different protocol version',
  429: 'rate limited: too many connection attempts',
  500: 'the server failed while handling the upgrade request',
  502: 'a proxy or gateway got a bad response from the server behind it',
  503: 'the service is unavailable (overloaded, restarting or in maintenance)',
  504: 'a proxy or gateway timed out waiting for the server behind it',
};

/**
 * The report worth showing: a 101 for a socket that then opened says nothing the page did not
 * see itself, so summaries and details leave it out.
 */
export function notableHandshake(s: {
  openedAt: number | null;
  handshake?: HandshakeReport | null;
}): HandshakeReport | null {
  const h = s.handshake ?? null;
  return h && (s.openedAt === null || h.statusCode !== 101) ? h : null;
}

/** Whether the report names a cause, or only that the handshake failed. */
export function isSpecificFailure(f: HandshakeReport): boolean {
  return f.statusCode !== null || (f.error !== null && !GENERIC_ERRORS.test(f.error));
}

/** What the report says in a few words: "HTTP 403 Forbidden", or the network error. */
export function handshakeText(f: HandshakeReport): string {
  if (f.statusCode !== null) return `HTTP ${statusOf(f, f.statusCode)}`;
  return f.error ?? 'the handshake did not complete';
}

const STATUS_LINE = /^HTTP\/[\d.]+\s+(\d+)\s*(.*)$/s;

/** An HTTP status line read once for all: "HTTP/1.1 403 Forbidden" is status "403 Forbidden", phrase "Forbidden". */
export function statusLineParts(line: string): { status: string; phrase: string } | null {
  const m = STATUS_LINE.exec(line);
  if (!m) return null;
  const [, code = '', phrase = ''] = m;
  return { status: phrase ? `${code} ${phrase}` : code, phrase };
}

/** "403 Forbidden" from the status line, or the bare code when no line came. */
function statusOf(f: HandshakeReport, code: number): string {
  return (f.statusLine && statusLineParts(f.statusLine)?.status) || String(code);
}

/** One line on why the handshake failed, from what webRequest reported. */
export function describeHandshakeReport(f: HandshakeReport): string {
  if (f.statusCode !== null) {
    const line = statusOf(f, f.statusCode);
    const hint =
      STATUS_HINTS[f.statusCode] ??
      (f.statusCode >= 300 && f.statusCode < 400
        ? 'a redirect, which WebSocket handshakes do not follow'
        : null);
    return `the server answered the upgrade request with HTTP ${line}${hint ? `: ${hint}` : ''}`;
  }
  if (f.error && GENERIC_ERRORS.test(f.error)) {
    return `the browser reported only ${f.error} to the extension, without the cause (refused, HTTP error status, TLS...); the page's console names it`;
  }
  const error = f.error;
  if (error) {
    const known = NETWORK_ERRORS.find(([pattern]) => pattern.test(error));
    return known ? `${known[1]} (${error})` : `network error ${error}`;
  }
  return 'the handshake did not complete';
}
