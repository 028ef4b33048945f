import * as v from 'valibot';
import { BRAND, PROTOCOL_VERSION } from './envelope';
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

/** Parses one JSON string from the page channel; anything malformed yields an error text. */
export function parsePageMessage(
  data: unknown,
): { ok: true; message: PageMessage } | { ok: false; error: string } {
  if (typeof data !== 'string') return { ok: false, error: 'not a string' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const result = v.safeParse(PageMessage, json);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, error: v.summarize(result.issues).split('\n')[0] ?? 'invalid' };
}
