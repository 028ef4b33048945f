import * as v from 'valibot';
import { InjectAction, text, time, traffic } from './recorder-events';

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
  frameUrl: text(8192),
  url: text(8192),
  protocols: v.pipe(v.array(text(1024)), v.maxLength(64)),
  createdAt: time,
  openedAt: v.nullable(time),
  closedAt: v.nullable(time),
  protocol: v.nullable(text(1024)),
  extensions: v.nullable(text(4096)),
  state: SocketState,
  sent: traffic,
  received: traffic,
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
