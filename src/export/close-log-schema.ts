import * as v from 'valibot';
import { MessageEvent, text, time as epochMs } from '../protocol/recorder-events';
import { SocketSummary } from '../protocol/socket-summary';
import { noTesterTraffic } from '../protocol/summary-fold';

/**
 * The JSON close log, version 1, as one valibot schema: the exporter's types come from it, the
 * importer validates files with it, and the shipped JSON Schema
 * (schema/websocket-close-log.schema.json) is generated from it, so the three cannot drift.
 * Fields added after the first release are optional (most with defaults), so every earlier
 * version 1 file still imports; unknown fields are allowed (and ignored), so later additions do
 * not break older readers.
 *
 * What a socket shares with the page's own summary (SocketSummary) is taken from that schema,
 * field by field, so export and import are one copy each way (see close-log-socket.ts), not two
 * hand-written mappings.
 */
export const CLOSE_LOG_FORMAT = 'websocket-close-log';
export const CLOSE_LOG_VERSION = 1;

const time = v.pipe(epochMs, v.description('Epoch milliseconds.'));
const httpStatus = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999));
const summary = SocketSummary.entries;
const summaryClose = summary.close.wrapped.entries;

export const Initiator = v.picklist(['page', 'server', 'browser', 'network', 'tester']);

/** A protocol id of src/protocols ("socket-io", "mqtt"...): text, so a reader keeps files naming protocols it does not know. */
const protocolId = v.pipe(
  text(64),
  v.description('The protocol\'s id, e.g. "socket-io", "mqtt", "graphql-ws".'),
);

export const CloseLogAppProtocol = v.pipe(
  v.object({
    id: protocolId,
    name: v.pipe(text(64), v.description('Its display name, e.g. "Socket.IO".')),
    detectedBy: v.pipe(
      v.picklist(['subprotocol', 'url', 'content', 'user']),
      v.description('What it was recognised by; "user": chosen with Decode as.'),
    ),
  }),
  v.description('The application protocol above WebSocket. `protocol` stays the negotiated subprotocol.'),
);

export const CloseLogApplicationClose = v.pipe(
  v.object({
    protocol: protocolId,
    code: v.optional(v.union([v.pipe(v.number(), v.integer()), text(64)])),
    reason: v.optional(text(1024)),
    name: v.optional(text(256)),
    explanation: text(4096),
    reconnect: v.optional(
      v.pipe(
        v.nullable(v.boolean()),
        v.description('Whether the client library reconnects after it, when the protocol says.'),
      ),
    ),
  }),
  v.description(
    "The application's last goodbye before the close (a Socket.IO disconnect, a STOMP ERROR, an MQTT DISCONNECT...), beside what the browser reported.",
  ),
);

export const CloseLogClose = v.object({
  code: summaryClose.code,
  reason: summaryClose.reason,
  wasClean: summaryClose.wasClean,
  at: v.optional(
    v.pipe(
      summaryClose.at,
      v.description(
        'When the page saw the close event (epoch ms). Absent in files written before it was added.',
      ),
    ),
  ),
  initiator: v.pipe(Initiator, v.description('Who ended it; "tester" for a close injected from the panel.')),
  name: text(256),
  explanation: text(4096),
  abnormal: v.pipe(
    v.boolean(),
    v.description('Unclean, or an error code. Never true for an injected close.'),
  ),
  injected: v.optional(
    v.pipe(v.boolean(), v.description('The tester injected this close: it is not a real one.')),
    false,
  ),
  application: v.optional(CloseLogApplicationClose),
});

/** The recorder's message event without its envelope (socket, sequence number, type). */
export const MESSAGE_FIELDS = [
  't',
  'dir',
  'kind',
  'jsType',
  'size',
  'preview',
  'truncated',
  'tester',
  'intercept',
] as const;
const message = v.pick(MessageEvent, MESSAGE_FIELDS).entries;

export const CloseLogDecoded = v.pipe(
  v.object({
    protocol: protocolId,
    type: v.pipe(text(256), v.description('The protocol\'s message type, e.g. "EVENT", "PUBLISH".')),
    summary: v.pipe(text(1024), v.description('One line, e.g. "PUBLISH sensors/1 QoS 1".')),
    partial: v.optional(v.pipe(v.boolean(), v.description('Decoded from a truncated preview.'))),
    error: v.optional(v.pipe(text(1024), v.description('What is malformed in it.'))),
  }),
  v.description("The message as the socket's application protocol reads it."),
);

export const CloseLogMessage = v.object({
  ...message,
  decoded: v.optional(CloseLogDecoded),
  t: time,
  size: v.pipe(message.size, v.description('Exact size in bytes on the wire.')),
  preview: v.pipe(
    message.preview,
    v.description('Text: the first characters. Binary: hex of the first bytes.'),
  ),
  tester: v.pipe(
    message.tester,
    v.description(
      'true: the tester wrote it from the panel, not the page: "sent" went to the server through the real send(); "received" was injected into the page (isTrusted false) and never crossed the network. Absent for the page\'s own traffic.',
    ),
  ),
  intercept: v.pipe(
    message.intercept,
    v.description(
      'An interception rule took it: `rule` (its id), `outcome` (blocked, rewritten, delayed; for a breakpoint forwarded, edited or dropped) and, when rewritten or edited, the `original` text (its start). The preview is what went on: the original when it was blocked or dropped. Absent for messages no rule took.',
    ),
  ),
});

export const HandshakeReport = v.object({
  requestId: text(128),
  frameId: v.pipe(v.number(), v.integer()),
  url: text(8192),
  at: time,
  statusCode: v.nullable(httpStatus),
  statusLine: v.nullable(text(1024)),
  error: v.nullable(text(1024)),
});

/** The fields a close log socket carries exactly as the page's summary has them, same names. */
export const SUMMARY_FIELDS = [
  'url',
  'createdAt',
  'openedAt',
  'closedAt',
  'state',
  'sent',
  'received',
  'frameUrl',
  'protocols',
  'protocol',
  'extensions',
  'errorAt',
  'closeCall',
  'tester',
  'intercepted',
] as const;

const WorkerOfSocket = v.object({
  kind: v.picklist(['dedicated', 'shared', 'service']),
  url: text(8192),
});

const WireReport = v.object({
  requestId: text(128),
  url: text(8192),
  at: time,
  statusCode: v.nullable(httpStatus),
  statusText: v.nullable(text(1024)),
  headers: v.nullable(v.pipe(v.array(v.object({ name: text(1024), value: text(8192) })), v.maxLength(256))),
  error: v.nullable(text(1024)),
});

export const CloseLogSocket = v.object({
  id: v.pipe(text(256), v.description("Unique in the file; the page's document and socket number.")),
  url: summary.url,
  createdAt: time,
  openedAt: v.nullable(time),
  closedAt: v.nullable(time),
  state: summary.state,
  sent: v.pipe(summary.sent, v.description("The page's own messages; the tester's are counted in `tester`.")),
  received: summary.received,
  tester: v.optional(
    v.pipe(
      summary.tester,
      v.description(
        'Messages the tester sent as the page (through the real send()) and injected as received, from the panel. Absent in files written before it was added.',
      ),
    ),
    noTesterTraffic,
  ),
  intercepted: v.optional(
    v.pipe(
      summary.intercepted.wrapped,
      v.description(
        'Of its messages, those an interception rule took (blocked, rewritten, delayed, or held at a breakpoint); they are counted in `sent` and `received` too. Absent when none was.',
      ),
    ),
  ),
  close: v.nullable(CloseLogClose),
  frameUrl: v.optional(summary.frameUrl, ''),
  frameId: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.description("The browser's frame id in its tab: 0 for the top document (and when unknown)."),
    ),
    0,
  ),
  protocols: v.optional(summary.protocols, []),
  protocol: v.optional(summary.protocol, null),
  extensions: v.optional(summary.extensions, null),
  errorAt: v.optional(v.nullable(time), null),
  closeCall: v.optional(
    v.pipe(summary.closeCall, v.description("The page's own close() call, as it passed it.")),
    null,
  ),
  handshake: v.optional(
    v.pipe(
      v.nullable(HandshakeReport),
      v.description(
        'What the browser reported about the handshake (webRequest): its HTTP status or network error.',
      ),
    ),
    null,
  ),
  worker: v.optional(
    v.pipe(
      v.nullable(WorkerOfSocket),
      v.description(
        'The worker the socket lived in (deep capture, Chromium): its kind and script URL. Null for a socket of a document.',
      ),
    ),
    null,
  ),
  wire: v.optional(
    v.pipe(
      v.nullable(WireReport),
      v.description(
        "What Chromium's DevTools protocol reported beyond the page (deep capture): a refused upgrade's HTTP status, and Chromium's words for a connection it failed.",
      ),
    ),
    null,
  ),
  injection: v.optional(
    v.pipe(
      summary.injected,
      v.description('The fault the tester injected from the panel: "close" with a code, or "drop".'),
    ),
    null,
  ),
  appProtocol: v.optional(CloseLogAppProtocol),
  messages: v.optional(
    v.pipe(
      v.array(CloseLogMessage),
      v.description('Message previews, oldest first, when exported with previews.'),
    ),
  ),
});

export const RedactionRecord = v.pipe(
  v.object({
    applied: v.pipe(
      v.boolean(),
      v.description(
        'false: the exporter chose to include secrets; true: they were replaced by "[redacted]".',
      ),
    ),
    rules: v.pipe(
      v.array(text(256)),
      v.maxLength(1024),
      v.description(
        'What was replaced, one rule each: "name:<name>" (query parameters and name/value pairs in previews with that name), "url-password", "jwt", "bearer".',
      ),
    ),
  }),
  v.description('Whether secrets were redacted; absent in files written before redaction existed.'),
);

/** Far above what a page keeps (10,000 sockets a document), far below what could stall a panel. */
export const MAX_CLOSE_LOG_SOCKETS = 100_000;

export const CloseLog = v.pipe(
  v.object({
    format: v.literal(CLOSE_LOG_FORMAT),
    version: v.literal(CLOSE_LOG_VERSION),
    exportedAt: v.pipe(v.string(), v.isoTimestamp()),
    redaction: v.optional(RedactionRecord),
    sockets: v.pipe(v.array(CloseLogSocket), v.maxLength(MAX_CLOSE_LOG_SOCKETS)),
  }),
  v.title('WebSocket close log, version 1'),
  v.description('Every WebSocket of a page and how each closed, as exported by WebSocket Close Inspector.'),
);

export type CloseLog = v.InferOutput<typeof CloseLog>;
export type CloseLogSocket = v.InferOutput<typeof CloseLogSocket>;
export type CloseLogMessage = v.InferOutput<typeof CloseLogMessage>;
export type CloseLogAppProtocol = v.InferOutput<typeof CloseLogAppProtocol>;
export type CloseLogApplicationClose = v.InferOutput<typeof CloseLogApplicationClose>;
export type CloseLogDecoded = v.InferOutput<typeof CloseLogDecoded>;
