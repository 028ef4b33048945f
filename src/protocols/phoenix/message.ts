import type { ByteReader } from '../shared/byte-reader';
import { utf8Text } from '../shared/byte-reader';
import { field, isRecord, str } from '../shared/json';
import type { ReadJson } from '../shared/json';
import type { JsonValue } from '../shared/lenient-json';

/** One Phoenix message, whichever serializer carried it. */
export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: JsonValue | undefined;
  /** Binary frames carry a payload the decoder leaves as bytes. */
  payloadBytes?: number;
}

function refOf(v: JsonValue | undefined): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** v2 serializer: [join_ref, ref, topic, event, payload]; v1: {topic, event, payload, ref}. */
export function fromJson(json: ReadJson): PhoenixMessage | string {
  const v = json.value;
  if (Array.isArray(v)) {
    const [joinRef, ref, topic, event, payload] = v;
    if (typeof topic !== 'string' || typeof event !== 'string')
      return 'expected [join_ref, ref, topic, event, payload]';
    return { joinRef: refOf(joinRef), ref: refOf(ref), topic, event, payload };
  }
  if (isRecord(v)) {
    const topic = str(v, 'topic');
    const event = str(v, 'event');
    if (topic === undefined || event === undefined) return 'expected {topic, event, payload, ref}';
    return {
      joinRef: refOf(field(v, 'join_ref')),
      ref: refOf(field(v, 'ref')),
      topic,
      event,
      payload: field(v, 'payload'),
    };
  }
  return json.error ?? 'expected a JSON array or object';
}

/**
 * v2 binary frames (phoenix.js serializer.js): kind byte (0 push, 1 reply, 2 broadcast), one size
 * byte per field, the fields, then the payload. A client's push also carries a ref size.
 */
export function fromBinary(r: ByteReader, dir: 'sent' | 'received', size: number): PhoenixMessage | string {
  const kind = r.u8();
  const sizes = (n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(r.u8() ?? -1);
    return out.some((x) => x < 0) ? null : out;
  };
  const text = (n: number) => {
    const raw = r.take(n);
    return raw === null ? null : utf8Text(raw);
  };
  const rest = (): number => size - r.pos;
  if (kind === 0 && dir === 'sent') {
    const s = sizes(4);
    const [joinRef, ref, topic, event] = s === null ? [] : s.map(text);
    if (topic == null || event == null) return 'binary push cut short';
    return {
      joinRef: joinRef ?? null,
      ref: ref ?? null,
      topic,
      event,
      payload: undefined,
      payloadBytes: rest(),
    };
  }
  if (kind === 0 || kind === 2) {
    const s = sizes(kind === 0 ? 3 : 2);
    const fields = s === null ? [] : s.map(text);
    const [joinRef, topic, event] = kind === 0 ? fields : [null, ...fields];
    if (topic == null || event == null) return 'binary message cut short';
    return { joinRef: joinRef ?? null, ref: null, topic, event, payload: undefined, payloadBytes: rest() };
  }
  if (kind === 1) {
    const s = sizes(4);
    const [joinRef, ref, topic, status] = s === null ? [] : s.map(text);
    if (topic == null || status == null) return 'binary reply cut short';
    return {
      joinRef: joinRef ?? null,
      ref: ref ?? null,
      topic,
      event: 'phx_reply',
      payload: { status },
      payloadBytes: rest(),
    };
  }
  return `unknown binary message kind ${kind ?? '(none)'}`;
}
