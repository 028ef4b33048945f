import type { ByteReader } from '../shared/byte-reader';

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

export function packetType(firstByte: number): PacketType {
  return PACKET_TYPES[firstByte >> 4] ?? 'Reserved';
}

/** One MQTT control packet as far as the previews hold it. */
export interface RawPacket {
  type: PacketType;
  flags: number;
  remainingLength: number;
  /** A reader over the variable header and payload bytes that were captured. */
  body: ByteReader;
  /** Some of its bytes were not captured (truncated previews, or beyond the kept prefix). */
  cut: boolean;
}
