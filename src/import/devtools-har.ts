import * as v from 'valibot';

/**
 * What a browser's own DevTools HAR says about its WebSockets. Measured (docs/samples/README.md):
 * Chromium 156 writes `_resourceType: "websocket"` entries with status 101 (0 for a failed
 * handshake), the data frames in `_webSocketMessages` and an `error` entry (opcode -1) when the
 * handshake or the connection failed, and `time` up to the close; never a close frame, code or
 * reason. Firefox 153 writes the upgrade request alone: its HTTP status, no messages, `time`
 * covering the handshake only. Close frames (opcode 8) are read when a HAR has them.
 */
const WebSocketMessage = v.object({
  type: v.string(),
  time: v.number(),
  opcode: v.number(),
  data: v.string(),
});

const HarEntry = v.object({
  startedDateTime: v.string(),
  request: v.object({
    url: v.string(),
    headers: v.optional(v.array(v.object({ name: v.string(), value: v.string() }))),
  }),
  response: v.object({ status: v.number(), statusText: v.optional(v.string(), '') }),
  timings: v.optional(v.object({ wait: v.optional(v.number()) })),
  _resourceType: v.optional(v.string()),
  _webSocketMessages: v.optional(v.array(WebSocketMessage)),
});

export const DevtoolsHar = v.object({
  log: v.object({
    creator: v.optional(v.object({ name: v.string(), version: v.optional(v.string(), '') })),
    entries: v.array(v.unknown()),
    /** Present in the HARs this extension writes, which carry the whole close log. */
    _webSocketCloseLog: v.optional(v.unknown()),
  }),
});
export type DevtoolsHar = v.InferOutput<typeof DevtoolsHar>;

/** One WebSocket as a DevTools HAR records it. */
export interface HarSocket {
  url: string;
  startedAt: number;
  /** The upgrade response's status: 101 once it opened, 0 when Chromium saw no response. */
  status: number;
  statusText: string;
  sent: number;
  received: number;
  /** The first error the browser logged for the socket (Chromium's `error` frames). */
  error: string | null;
  /** A close frame, when the HAR holds one: who sent it, its code (1005 for an empty body) and reason. */
  closeFrame: { sentByPage: boolean; code: number; reason: string } | null;
}

const CLOSE_OPCODE = 8;

/** A HAR entry is a WebSocket when DevTools typed it so (Chromium) or its URL says so (Firefox). */
function isWebSocket(e: v.InferOutput<typeof HarEntry>): boolean {
  return e._resourceType === 'websocket' || /^wss?:/i.test(e.request.url);
}

/** The WebSockets of a DevTools HAR, in entry order; entries that are not well-formed are skipped. */
export function harSockets(har: DevtoolsHar): HarSocket[] {
  const sockets: HarSocket[] = [];
  for (const raw of har.log.entries) {
    const parsed = v.safeParse(HarEntry, raw);
    if (!parsed.success || !isWebSocket(parsed.output)) continue;
    const e = parsed.output;
    const messages = e._webSocketMessages ?? [];
    const data = messages.filter((m) => m.opcode === 1 || m.opcode === 2);
    const startedAt = Date.parse(e.startedDateTime);
    sockets.push({
      url: e.request.url,
      startedAt,
      status: e.response.status,
      statusText: e.response.statusText,
      sent: data.filter((m) => m.type === 'send').length,
      received: data.filter((m) => m.type === 'receive').length,
      error: messages.find((m) => m.type === 'error')?.data ?? null,
      closeFrame: closeFrameOf(messages.find((m) => m.opcode === CLOSE_OPCODE)),
    });
  }
  return sockets;
}

/** A close frame's body as Chromium writes non-text payloads (base64): a 2-byte code, then a UTF-8 reason. */
function closeFrameOf(m: v.InferOutput<typeof WebSocketMessage> | undefined): HarSocket['closeFrame'] {
  if (!m) return null;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(m.data), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const [hi = 0, lo = 0] = bytes;
  return {
    sentByPage: m.type === 'send',
    code: bytes.length >= 2 ? (hi << 8) | lo : 1005,
    reason: new TextDecoder().decode(bytes.subarray(2)),
  };
}
