import * as v from 'valibot';
import { BRAND, PROTOCOL_VERSION, pageHeader } from './envelope';
import { InterceptMark, MessageEvent, RecorderEvent, count, text, time } from './recorder-events';
import { SocketSummary } from './socket-summary';

const envelope = { source: v.literal(BRAND), v: v.literal(PROTOCOL_VERSION) };
/** Random per document, so socket ids stay unique across frames and reloads. */
const doc = text(64);

/** `MessageTuple` flags. */
export const MESSAGE_SENT = 1;
export const MESSAGE_BINARY = 2;
export const MESSAGE_TRUNCATED = 4;
/** The tester sent or injected it from the panel. */
export const MESSAGE_TESTER = 8;

/**
 * A live message on the wire: `[seq, socket, t, flags, jsType, size, preview]`, and, for one an
 * interception rule took, its mark as an eighth element. An array, not an
 * object with ten named fields: the page serialises, and the relay copies twice, less than half
 * the characters per message, on the page's own main thread.
 */
const MessageTuple = v.tuple([
  v.pipe(v.number(), v.integer(), v.minValue(1)),
  v.pipe(v.number(), v.integer(), v.minValue(1)),
  time,
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(15)),
  text(64),
  count,
  v.nullable(text(4096)),
  v.optional(InterceptMark),
]);
export type MessageTuple = v.InferOutput<typeof MessageTuple>;

/**
 * Live events of one document as the page sends them: lifecycle events as objects, messages as
 * tuples; parsed into one `EventsBatch`, every event an object, in sequence order.
 */
export const EventsBatchWire = v.object({
  ...envelope,
  type: v.literal('events'),
  doc,
  events: v.pipe(v.array(RecorderEvent), v.maxLength(10_000)),
  messages: v.optional(v.pipe(v.array(MessageTuple), v.maxLength(10_000))),
});
export type EventsBatchWire = v.InferOutput<typeof EventsBatchWire>;
/** Live events of one document, in sequence order. */
export type EventsBatch = Omit<EventsBatchWire, 'messages'>;

/**
 * The page's retained history of one document, sent in parts so that none is huge. Parts merge
 * into what a receiver knows (the page may have forgotten what a panel still holds);
 * `lastSeq` is the newest event the snapshot covers.
 */
export const SnapshotPart = v.object({
  ...envelope,
  type: v.literal('snapshot'),
  doc,
  lastSeq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sockets: v.pipe(v.array(SocketSummary), v.maxLength(10_000)),
  messages: v.pipe(v.array(MessageEvent), v.maxLength(10_000)),
});

const PageMessageWire = v.variant('type', [EventsBatchWire, SnapshotPart]);
export type SnapshotPart = v.InferOutput<typeof SnapshotPart>;
export type PageMessage = EventsBatch | SnapshotPart;

/** A wire batch's messages as the events they are, merged with its other events by sequence. */
function expanded({ messages, ...batch }: EventsBatchWire): EventsBatch {
  if (!messages || messages.length === 0) return batch;
  const events = [
    ...batch.events,
    ...messages.map(([seq, socket, t, flags, jsType, size, preview, intercept]): RecorderEvent => ({
      type: 'message',
      seq,
      socket,
      t,
      dir: flags & MESSAGE_SENT ? 'sent' : 'received',
      kind: flags & MESSAGE_BINARY ? 'binary' : 'text',
      jsType,
      size,
      preview,
      truncated: (flags & MESSAGE_TRUNCATED) !== 0,
      ...(flags & MESSAGE_TESTER ? { tester: true as const } : {}),
      ...(intercept ? { intercept } : {}),
    })),
  ].sort((a, b) => a.seq - b.seq);
  return { ...batch, events };
}

const HEADER = /^websocket-close-inspector\/(\d{1,9});/;
const VERSION_1 = /^\{"source":"websocket-close-inspector","v":(\d{1,9})[,}]/;

/**
 * The protocol version a page-channel string names, read from its first characters only, or null
 * when it names none (a forgery, or nothing of ours).
 */
export function pageMessageVersion(data: string): number | null {
  const found = HEADER.exec(data) ?? VERSION_1.exec(data);
  return found?.[1] === undefined ? null : Number(found[1]);
}

export type ParsedPageMessage =
  | { ok: true; message: PageMessage }
  /** Written by a recorder of another protocol version: not malformed, but not readable here. */
  | { ok: false; version: number; error: string }
  | { ok: false; version: null; error: string };

/** Parses one string from the page channel; anything malformed yields an error text. */
export function parsePageMessage(data: unknown): ParsedPageMessage {
  if (typeof data !== 'string') return { ok: false, version: null, error: 'not a string' };
  const version = pageMessageVersion(data);
  if (version !== null && version !== PROTOCOL_VERSION)
    return { ok: false, version, error: `written by a recorder of protocol version ${version}` };
  const header = pageHeader(PROTOCOL_VERSION);
  if (version === null || !data.startsWith(header))
    return { ok: false, version: null, error: 'no page-channel header' };
  let json: unknown;
  try {
    json = JSON.parse(data.slice(header.length));
  } catch {
    return { ok: false, version: null, error: 'not JSON' };
  }
  const result = v.safeParse(PageMessageWire, json);
  if (result.success)
    return { ok: true, message: result.output.type === 'events' ? expanded(result.output) : result.output };
  return { ok: false, version: null, error: v.summarize(result.issues).split('\n')[0] ?? 'invalid' };
}
