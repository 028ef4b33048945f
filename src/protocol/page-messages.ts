import * as v from 'valibot';
import { BRAND, PROTOCOL_VERSION, pageHeader } from './envelope';
import { MessageEvent, RecorderEvent, text } from './recorder-events';
import { SocketSummary } from './socket-summary';

const envelope = { source: v.literal(BRAND), v: v.literal(PROTOCOL_VERSION) };
/** Random per document, so socket ids stay unique across frames and reloads. */
const doc = text(64);

/** Live events of one document, in sequence order. */
export const EventsBatch = v.object({
  ...envelope,
  type: v.literal('events'),
  doc,
  events: v.pipe(v.array(RecorderEvent), v.maxLength(10_000)),
});

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

export const PageMessage = v.variant('type', [EventsBatch, SnapshotPart]);
export type EventsBatch = v.InferOutput<typeof EventsBatch>;
export type SnapshotPart = v.InferOutput<typeof SnapshotPart>;
export type PageMessage = v.InferOutput<typeof PageMessage>;

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
  const result = v.safeParse(PageMessage, json);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, version: null, error: v.summarize(result.issues).split('\n')[0] ?? 'invalid' };
}
