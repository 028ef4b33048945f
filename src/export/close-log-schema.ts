import * as v from 'valibot';
import { InjectAction, count, text, time as epochMs, traffic } from '../protocol/recorder-events';
import { SocketState } from '../protocol/socket-summary';

/**
 * The JSON close log, version 1, as one valibot schema: the exporter's types come from it, the
 * importer validates files with it, and the shipped JSON Schema
 * (schema/websocket-close-log.schema.json) is generated from it, so the three cannot drift.
 * Fields added after the first release are optional with defaults, so every earlier version 1
 * file still imports; unknown fields are allowed (and ignored), so later additions do not break
 * older readers.
 */
export const CLOSE_LOG_FORMAT = 'websocket-close-log';
export const CLOSE_LOG_VERSION = 1;

const time = v.pipe(epochMs, v.description('Epoch milliseconds.'));
const httpStatus = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999));

export const Initiator = v.picklist(['page', 'server', 'browser', 'network', 'tester']);

export const CloseLogClose = v.object({
  code: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  reason: text(1024),
  wasClean: v.boolean(),
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
});

export const CloseLogMessage = v.object({
  t: time,
  dir: v.picklist(['sent', 'received']),
  kind: v.picklist(['text', 'binary']),
  jsType: text(64),
  size: v.pipe(count, v.description('Exact size in bytes on the wire.')),
  preview: v.pipe(
    v.nullable(text(4096)),
    v.description('Text: the first characters. Binary: hex of the first bytes.'),
  ),
  truncated: v.boolean(),
});

const HandshakeReport = v.object({
  requestId: text(128),
  frameId: v.pipe(v.number(), v.integer()),
  url: text(8192),
  at: time,
  statusCode: v.nullable(httpStatus),
  statusLine: v.nullable(text(1024)),
  error: v.nullable(text(1024)),
});

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
  id: text(256),
  url: text(8192),
  createdAt: time,
  openedAt: v.nullable(time),
  closedAt: v.nullable(time),
  state: SocketState,
  sent: traffic,
  received: traffic,
  close: v.nullable(CloseLogClose),
  frameUrl: v.optional(text(8192), ''),
  frameId: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(0),
      v.description("The browser's frame id in its tab: 0 for the top document (and when unknown)."),
    ),
    0,
  ),
  protocols: v.optional(v.pipe(v.array(text(1024)), v.maxLength(64)), []),
  protocol: v.optional(v.nullable(text(1024)), null),
  extensions: v.optional(v.nullable(text(4096)), null),
  errorAt: v.optional(v.nullable(time), null),
  closeCall: v.optional(
    v.pipe(
      v.nullable(v.object({ code: v.nullable(v.number()), reason: v.nullable(text(1024)), at: time })),
      v.description("The page's own close() call, as it passed it."),
    ),
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
      v.nullable(
        v.object({
          action: InjectAction,
          code: v.nullable(v.number()),
          reason: v.nullable(text(1024)),
          at: time,
        }),
      ),
      v.description('The fault the tester injected from the panel: "close" with a code, or "drop".'),
    ),
    null,
  ),
  messages: v.optional(
    v.pipe(
      v.array(CloseLogMessage),
      v.description('Message previews, oldest first, when exported with previews.'),
    ),
  ),
});

/** Far above what a page keeps (10,000 sockets a document), far below what could stall a panel. */
export const MAX_CLOSE_LOG_SOCKETS = 100_000;

export const CloseLog = v.pipe(
  v.object({
    format: v.literal(CLOSE_LOG_FORMAT),
    version: v.literal(CLOSE_LOG_VERSION),
    exportedAt: v.pipe(v.string(), v.isoTimestamp()),
    sockets: v.pipe(v.array(CloseLogSocket), v.maxLength(MAX_CLOSE_LOG_SOCKETS)),
  }),
  v.title('WebSocket close log, version 1'),
  v.description('Every WebSocket of a page and how each closed, as exported by WebSocket Close Inspector.'),
);

export type CloseLog = v.InferOutput<typeof CloseLog>;
export type CloseLogSocket = v.InferOutput<typeof CloseLogSocket>;
export type CloseLogMessage = v.InferOutput<typeof CloseLogMessage>;
