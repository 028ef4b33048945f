import * as v from 'valibot';
import { MAX_TESTER_MESSAGE_BYTES } from './inject-command';
import { MAX_EXTENSIONS_CHARS, MAX_PROTOCOLS, MAX_PROTOCOL_CHARS, MAX_URL_CHARS } from './text-limits';

/**
 * What the recorder reports. The page can forge anything on the channel, so these schemas are
 * the only way such data enters the extension: the background parses every batch with them.
 */
/** The range of a JavaScript Date: a time outside it cannot even be printed (exports would throw). */
const MAX_TIME = 8.64e15;
/** Epoch milliseconds. */
export const time = v.pipe(v.number(), v.finite(), v.minValue(-MAX_TIME), v.maxValue(MAX_TIME));

const base = {
  /** Socket number, unique within its document. */
  socket: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Per-document sequence number, strictly increasing. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  t: time,
};
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const traffic = v.object({ messages: count, bytes: count });

export const CreatedEvent = v.object({
  ...base,
  type: v.literal('created'),
  url: text(MAX_URL_CHARS),
  /** The creating frame's URL at that moment (it can change later through pushState). */
  frameUrl: text(MAX_URL_CHARS),
  protocols: v.pipe(v.array(text(MAX_PROTOCOL_CHARS)), v.maxLength(MAX_PROTOCOLS)),
});
export const OpenEvent = v.object({
  ...base,
  type: v.literal('open'),
  protocol: text(MAX_PROTOCOL_CHARS),
  extensions: text(MAX_EXTENSIONS_CHARS),
});
/**
 * What an interception rule (#13) did to a message: 'blocked' (never reached the wire or the
 * page), 'rewritten' by the rule, 'delayed' by it, or, for a message a breakpoint held,
 * 'forwarded' as it was, 'edited' in the panel, or 'dropped'. A message that only waited behind an
 * intercepted one is not marked.
 */
export const InterceptOutcome = v.picklist([
  'blocked',
  'rewritten',
  'delayed',
  'forwarded',
  'edited',
  'dropped',
]);
export const InterceptMark = v.object({
  /** The id of the rule that took it. */
  rule: text(200),
  outcome: InterceptOutcome,
  /** For 'rewritten' and 'edited': the start of the text before the change; null otherwise. */
  original: v.nullable(text(4096)),
});
export type InterceptMark = v.InferOutput<typeof InterceptMark>;

export const MessageEvent = v.object({
  ...base,
  type: v.literal('message'),
  dir: v.picklist(['sent', 'received']),
  kind: v.picklist(['text', 'binary']),
  /** The JS type the page handed over or received: string, Blob, ArrayBuffer, Uint8Array... */
  jsType: text(64),
  /** Exact size in bytes on the wire (UTF-8 for text). */
  size: count,
  /** Text: the first characters. Binary: hex of the first bytes. Null when not captured (Blob). */
  preview: v.nullable(text(4096)),
  truncated: v.boolean(),
  /**
   * The tester wrote it from the panel: 'sent' went out through the native send(), 'received' was
   * delivered to the page as a message event (isTrusted false) and never crossed the network.
   */
  tester: v.optional(v.literal(true)),
  /** An interception rule took it: the preview is what went on (the original, when it was stopped). */
  intercept: v.optional(InterceptMark),
});
export const ErrorEvent = v.object({ ...base, type: v.literal('error') });
export const CloseCallEvent = v.object({
  ...base,
  type: v.literal('close-call'),
  code: v.nullable(v.pipe(v.number(), v.integer())),
  reason: v.nullable(text(1024)),
});
export const ClosedEvent = v.object({
  ...base,
  type: v.literal('closed'),
  code: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535)),
  reason: text(1024),
  wasClean: v.boolean(),
  /** The tester ended this socket from the panel: the background keeps it out of the badge. */
  injected: v.optional(v.literal(true)),
});
export const InjectAction = v.picklist(['close', 'drop']);
/** A fault the tester injected from the panel, applied by the recorder just before this event. */
export const InjectedEvent = v.object({
  ...base,
  type: v.literal('injected'),
  action: InjectAction,
  /** For 'close': the code and reason passed to the native close(); null for a drop. */
  code: v.nullable(v.pipe(v.number(), v.integer())),
  reason: v.nullable(text(1024)),
});

/**
 * A message a breakpoint rule holds, waiting for the panel's decision; later messages of its
 * socket, that way, wait behind it. `text` is the whole message, for the panel to edit; null for a
 * binary one or text beyond what a decision can carry back (those can be forwarded or dropped).
 */
export const HeldEvent = v.object({
  ...base,
  type: v.literal('held'),
  hold: v.pipe(v.number(), v.integer(), v.minValue(1)),
  dir: v.picklist(['sent', 'received']),
  rule: text(200),
  text: v.nullable(text(MAX_TESTER_MESSAGE_BYTES)),
});
/** A held message let go: the panel's decision, or the release of all when nobody can decide. */
export const ReleasedEvent = v.object({
  ...base,
  type: v.literal('released'),
  hold: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export const RecorderEvent = v.variant('type', [
  CreatedEvent,
  OpenEvent,
  MessageEvent,
  ErrorEvent,
  CloseCallEvent,
  ClosedEvent,
  InjectedEvent,
  HeldEvent,
  ReleasedEvent,
]);
export type RecorderEvent = v.InferOutput<typeof RecorderEvent>;
export type RecorderEventOf<K extends RecorderEvent['type']> = Extract<RecorderEvent, { type: K }>;
/** An event as the recorder builds it, before the batcher numbers it. */
export type UnsequencedEvent = RecorderEvent extends infer E
  ? E extends RecorderEvent
    ? Omit<E, 'seq'>
    : never
  : never;
