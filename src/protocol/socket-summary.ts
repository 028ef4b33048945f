import * as v from 'valibot';
import { InjectAction, count, text, time, traffic } from './recorder-events';
import { MAX_EXTENSIONS_CHARS, MAX_PROTOCOLS, MAX_PROTOCOL_CHARS, MAX_URL_CHARS } from './text-limits';

export const SocketState = v.picklist(['connecting', 'open', 'closing', 'closed']);
export type SocketState = v.InferOutput<typeof SocketState>;

/**
 * Everything known about one socket except its message previews. Counters are exact even when
 * previews were dropped. Snapshots from the page carry these, so they are validated like events.
 */
export const SocketSummary = v.object({
  /** `${doc}:${socket}`: unique per tab across frames and reloads. */
  id: text(128),
  doc: text(64),
  socket: v.pipe(v.number(), v.integer(), v.minValue(1)),
  frameUrl: text(MAX_URL_CHARS),
  url: text(MAX_URL_CHARS),
  protocols: v.pipe(v.array(text(MAX_PROTOCOL_CHARS)), v.maxLength(MAX_PROTOCOLS)),
  createdAt: time,
  openedAt: v.nullable(time),
  closedAt: v.nullable(time),
  protocol: v.nullable(text(MAX_PROTOCOL_CHARS)),
  extensions: v.nullable(text(MAX_EXTENSIONS_CHARS)),
  state: SocketState,
  /** The page's own messages: the tester's are counted apart, below. */
  sent: traffic,
  received: traffic,
  /** What the tester sent as the page (through the native send()) and injected as received. */
  tester: v.object({ sent: traffic, injected: traffic }),
  /**
   * Of the messages above, those an interception rule took (#13); absent until one did, and in
   * summaries of recorders and files from before.
   */
  intercepted: v.optional(count),
  errorAt: v.nullable(time),
  closeCall: v.nullable(v.object({ code: v.nullable(v.number()), reason: v.nullable(text(1024)), at: time })),
  close: v.nullable(
    v.object({
      code: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
      reason: text(1024),
      wasClean: v.boolean(),
      at: time,
    }),
  ),
  /** A fault the tester injected from the panel: its close is the tester's, never a real one. */
  injected: v.nullable(
    v.object({
      action: InjectAction,
      code: v.nullable(v.number()),
      reason: v.nullable(text(1024)),
      at: time,
    }),
  ),
});
export type SocketSummary = v.InferOutput<typeof SocketSummary>;
