import { statusLineParts } from '../close-codes/handshake-report';
import type { InterceptMark } from '../protocol/recorder-events';
import type { CloseLog, CloseLogDecoded, CloseLogMessage, CloseLogSocket } from './close-log-schema';

/**
 * HAR 1.2 with one entry a WebSocket, written the way Chrome DevTools writes WebSocket entries
 * (front_end/models/har/Log.ts): `_resourceType: "websocket"` and `_webSocketMessages` of
 * `{ type: "send"|"receive", time: epoch seconds, opcode: 1 text | 2 binary, data }`, binary data
 * in base64. Only previews were recorded, so a message's data is its preview; `_size` and
 * `_truncated` say so, and `_decoded` what its application protocol made of it. Each entry carries its close log socket as `_webSocketClose`, which is
 * what the panel's import reads back (tools that read Chrome's HAR ignore unknown `_` fields).
 */
export interface HarMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: 1 | 2;
  data: string;
  _size: number;
  _truncated: boolean;
  _jsType: string;
  /** The tester sent or injected it from the panel: not the page's own traffic. */
  _tester?: true;
  /** What an interception rule did to it (the close log's `intercept`). */
  _intercept?: InterceptMark;
  /** What the socket's application protocol made of it (the close log's `decoded`). */
  _decoded?: CloseLogDecoded;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: 'GET';
    url: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    cookies: [];
    headersSize: -1;
    bodySize: 0;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    cookies: [];
    content: { size: 0; mimeType: 'x-unknown' };
    redirectURL: '';
    headersSize: -1;
    bodySize: -1;
    _transferSize: 0;
    _error: string | null;
  };
  cache: Record<string, never>;
  timings: { blocked: -1; dns: -1; ssl: -1; connect: -1; send: 0; wait: number; receive: 0 };
  _resourceType: 'websocket';
  _webSocketMessages: HarMessage[];
  _webSocketClose: Omit<CloseLogSocket, 'messages'>;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: [];
    entries: HarEntry[];
    _webSocketCloseLog: Pick<CloseLog, 'format' | 'version' | 'exportedAt' | 'redaction'>;
  };
}

export const HAR_CREATOR = 'WebSocket Close Inspector';

export function closeLogHar(log: CloseLog, creatorVersion: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: HAR_CREATOR, version: creatorVersion },
      pages: [],
      entries: log.sockets.map(harEntry),
      _webSocketCloseLog: {
        format: log.format,
        version: log.version,
        exportedAt: log.exportedAt,
        ...(log.redaction && { redaction: log.redaction }),
      },
    },
  };
}

function harEntry(s: CloseLogSocket): HarEntry {
  const { messages = [], ...socket } = s;
  const wait = s.openedAt === null ? 0 : Math.max(0, s.openedAt - s.createdAt);
  const negotiated = [
    ...(s.protocol ? [{ name: 'Sec-WebSocket-Protocol', value: s.protocol }] : []),
    ...(s.extensions ? [{ name: 'Sec-WebSocket-Extensions', value: s.extensions }] : []),
  ];
  return {
    startedDateTime: new Date(s.createdAt).toISOString(),
    time: wait,
    request: {
      method: 'GET',
      url: s.url,
      httpVersion: 'HTTP/1.1',
      headers: s.protocols.length ? [{ name: 'Sec-WebSocket-Protocol', value: s.protocols.join(', ') }] : [],
      queryString: queryOf(s.url),
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      ...responseOf(s),
      headers: negotiated,
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: 0,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait, receive: 0 },
    _resourceType: 'websocket',
    _webSocketMessages: messages.map(harMessage),
    _webSocketClose: socket,
  };
}

/** 101 once it opened; else what the browser reported about the handshake, or status 0 as Chrome writes for a failed request. */
function responseOf(
  s: CloseLogSocket,
): Pick<HarEntry['response'], 'status' | 'statusText' | 'httpVersion' | '_error'> {
  if (s.openedAt !== null)
    return { status: 101, statusText: 'Switching Protocols', httpVersion: 'HTTP/1.1', _error: null };
  const h = s.handshake;
  if (h?.statusCode != null) {
    return {
      status: h.statusCode,
      statusText: (h.statusLine && statusLineParts(h.statusLine)?.phrase) ?? '',
      httpVersion: 'HTTP/1.1',
      _error: null,
    };
  }
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    _error: h?.error ?? (s.state === 'closed' ? 'WebSocket never opened' : null),
  };
}

function harMessage(m: CloseLogMessage): HarMessage {
  const binary = m.kind === 'binary';
  return {
    type: m.dir === 'sent' ? 'send' : 'receive',
    time: m.t / 1000,
    opcode: binary ? 2 : 1,
    data: m.preview === null ? '' : binary ? hexToBase64(m.preview) : m.preview,
    _size: m.size,
    _truncated: m.truncated || m.preview === null,
    _jsType: m.jsType,
    ...(m.tester ? { _tester: true } : {}),
    ...(m.intercept && { _intercept: { ...m.intercept } }),
    ...(m.decoded && { _decoded: m.decoded }),
  };
}

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export function hexToBase64(hex: string): string {
  let bytes = '';
  for (let i = 0; i + 1 < hex.length; i += 2) bytes += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bytes);
}

export function base64ToHex(base64: string): string {
  let hex = '';
  for (const c of atob(base64)) hex += c.charCodeAt(0).toString(16).padStart(2, '0');
  return hex;
}
