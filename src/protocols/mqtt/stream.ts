import { ByteReader } from '../shared/byte-reader';
import type { RawPacket } from './packet-types';
import { packetType } from './packet-types';

/** Body bytes kept of one packet: enough for every header field; payloads are shown clipped anyway. */
const KEPT_BYTES = 1024;
/** Packets completed in one message before the rest is left undecoded. */
const MAX_PACKETS = 100;

/** A packet whose body is still arriving. */
interface Pending {
  first: number;
  remainingLength: number;
  body: Uint8Array;
  kept: number;
  left: number;
  lost: boolean;
}

/** One direction's byte stream: MQTT packets do not align with WebSocket messages. */
export interface Stream {
  /** Fixed-header bytes read so far of the next packet (at most five). */
  head: number[];
  pending: Pending | null;
}

export function createStream(): Stream {
  return { head: [], pending: null };
}

/** What one message did to the stream, in order. */
export type StreamEvent =
  | { kind: 'packet'; packet: RawPacket }
  | { kind: 'started'; type: RawPacket['type']; remainingLength: number; have: number }
  | { kind: 'continued'; type: RawPacket['type']; remainingLength: number; have: number }
  | { kind: 'header'; bytes: number }
  | { kind: 'lost' }
  | { kind: 'error'; error: string };

/**
 * Feeds one message into a direction's stream. `bytes` is what the preview holds and `size` the
 * message's real length: bytes past the preview are counted but unknown, so a body can still be
 * skipped over; an unknown fixed header loses the stream's place until the next message.
 * Allocation is bounded by KEPT_BYTES, whatever a Remaining Length claims.
 */
export function feed(stream: Stream, bytes: Uint8Array, size: number): StreamEvent[] {
  const events: StreamEvent[] = [];
  let startedHere = false;
  let pos = 0;
  let packets = 0;
  while (pos < size) {
    const p = stream.pending;
    if (p === null) {
      const b = bytes[pos];
      if (b === undefined) {
        // A fixed header beyond the preview: where the next packet starts is unknown.
        stream.head = [];
        events.push({ kind: 'lost' });
        return events;
      }
      pos++;
      stream.head.push(b);
      const error = headerStep(stream);
      if (error !== null) {
        stream.head = [];
        events.push({ kind: 'error', error });
        return events;
      }
      if (stream.pending === null) continue;
      startedHere = true;
      if (stream.pending.left > 0) continue;
    } else {
      const take = Math.min(p.left, size - pos);
      const known = Math.max(0, Math.min(pos + take, bytes.length) - pos);
      const keep = Math.min(known, p.body.length - p.kept);
      p.body.set(bytes.subarray(pos, pos + keep), p.kept);
      p.kept += keep;
      if (known < take) p.lost = true;
      p.left -= take;
      pos += take;
      if (p.left > 0) continue;
    }
    const done = stream.pending;
    stream.pending = null;
    startedHere = false;
    if (done === null) continue;
    if (++packets > MAX_PACKETS)
      return [...events, { kind: 'error', error: `more than ${MAX_PACKETS} packets in one message` }];
    events.push({ kind: 'packet', packet: complete(done) });
  }
  const p = stream.pending;
  if (p !== null) {
    const have = p.remainingLength - p.left;
    events.push({
      kind: startedHere ? 'started' : 'continued',
      type: packetType(p.first),
      remainingLength: p.remainingLength,
      have,
    });
  } else if (stream.head.length > 0) events.push({ kind: 'header', bytes: stream.head.length });
  return events;
}

/** After a fixed-header byte: starts the packet once the Remaining Length is complete. */
function headerStep(stream: Stream): string | null {
  const [first, ...length] = stream.head;
  const last = length[length.length - 1];
  if (first === undefined || last === undefined || (last & 0x80) !== 0) {
    return length.length >= 4 ? 'malformed Remaining Length: more than four bytes' : null;
  }
  let remainingLength = 0;
  length.forEach((byte, i) => (remainingLength += (byte & 0x7f) * 128 ** i));
  stream.head = [];
  stream.pending = {
    first,
    remainingLength,
    body: new Uint8Array(Math.min(remainingLength, KEPT_BYTES)),
    kept: 0,
    left: remainingLength,
    lost: false,
  };
  return null;
}

function complete(p: Pending): RawPacket {
  return {
    type: packetType(p.first),
    flags: p.first & 0x0f,
    remainingLength: p.remainingLength,
    body: new ByteReader(p.body, p.kept),
    cut: p.lost || p.kept < p.remainingLength,
  };
}
