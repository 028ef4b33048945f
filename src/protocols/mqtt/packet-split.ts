import { ByteReader } from '../shared/byte-reader';
import { readVarInt } from './var-int';

export const PACKET_TYPES = [
  'Reserved',
  'CONNECT',
  'CONNACK',
  'PUBLISH',
  'PUBACK',
  'PUBREC',
  'PUBREL',
  'PUBCOMP',
  'SUBSCRIBE',
  'SUBACK',
  'UNSUBSCRIBE',
  'UNSUBACK',
  'PINGREQ',
  'PINGRESP',
  'DISCONNECT',
  'AUTH',
] as const;
export type PacketType = (typeof PACKET_TYPES)[number];

/** One MQTT control packet as far as the preview holds it. */
export interface RawPacket {
  type: PacketType;
  flags: number;
  remainingLength: number;
  /** A reader over the part of the variable header and payload that the preview holds. */
  body: ByteReader;
  /** The preview ends before the packet does. */
  cut: boolean;
}

export interface Split {
  packets: RawPacket[];
  /** Bytes of the last packet that lie beyond this WebSocket message, in the ones that follow. */
  carry: number;
  /** The preview ended before the message did, after the last whole packet: the rest is unknown. */
  unseen: boolean;
  error: string | null;
}

/** Packets one message may hold before the rest is left undecoded. */
const MAX_PACKETS = 100;

/**
 * Splits one WebSocket message into MQTT packets. `bytes` is the preview, `size` the message's
 * real size: a packet whose Remaining Length runs past the message continues in the next ones
 * (carry). A crafted length only moves the cursor: nothing is allocated from it.
 */
export function splitPackets(bytes: Uint8Array, size: number, skip: number): Split {
  const packets: RawPacket[] = [];
  const end = Math.min(bytes.length, size);
  if (skip >= size) return { packets, carry: skip - size, unseen: false, error: null };
  const r = new ByteReader(bytes, end);
  let offset = skip;
  while (offset < size && packets.length < MAX_PACKETS) {
    if (offset >= end) return { packets, carry: 0, unseen: true, error: null };
    r.pos = offset;
    const first = r.u8();
    const length = readVarInt(r);
    if (first === null || length === 'cut') return { packets, carry: 0, unseen: true, error: null };
    if (typeof length === 'string') return { packets, carry: 0, unseen: false, error: length };
    const type = PACKET_TYPES[first >> 4] ?? 'Reserved';
    const bodyStart = r.pos;
    const packetEnd = bodyStart + length;
    const body = new ByteReader(bytes, Math.min(packetEnd, end), bodyStart);
    packets.push({ type, flags: first & 0x0f, remainingLength: length, body, cut: packetEnd > end });
    offset = packetEnd;
  }
  return { packets, carry: Math.max(0, offset - size), unseen: offset < size, error: null };
}
