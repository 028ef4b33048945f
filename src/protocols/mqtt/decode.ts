import { combineParts, malformed } from '../shared/decoded';
import { hexToBytes } from '../shared/hex';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import type { PacketResult } from './connection-packets';
import { auth, connack, connect, disconnect } from './connection-packets';
import type { RawPacket } from './packet-split';
import { splitPackets } from './packet-split';
import { ack, publish, subscribe, subscribeAck } from './pubsub-packets';
import type { MqttSession } from './session';

type Message = MessagePreview & { preview: string };

/**
 * One WebSocket message of an MQTT byte stream. Packets may share a message or span several;
 * each direction is its own stream, so the bytes a packet still owes are counted per direction.
 */
export function decode(m: Message, s: MqttSession): Decoded {
  if (m.kind === 'text')
    return malformed('text', 'MQTT over WebSocket must use binary messages (MQTT-6.0.0-1)', m.truncated);
  const { bytes, invalid } = hexToBytes(m.preview);
  const skip = s.carry[m.dir];
  const split = splitPackets(bytes, m.size, skip);
  s.carry[m.dir] = split.carry;
  const parts: Decoded[] = [];
  if (skip > 0)
    parts.push({
      type: 'continuation',
      summary: `continuation of the previous packet (${Math.min(skip, m.size)} bytes)`,
    });
  for (const p of split.packets) parts.push(packet(p, m, s));
  if (split.unseen) parts.push({ type: 'unseen', summary: 'more bytes beyond the preview', partial: true });
  const d = combineParts(parts);
  if (invalid) d.error = 'the preview is not valid hex';
  else if (split.error !== null) d.error = split.error;
  return d;
}

function packet(p: RawPacket, m: Message, s: MqttSession): Decoded {
  const { decoded, fields } = body(p, m, s);
  decoded.tree = toTree({ packet: p.type, remainingLength: p.remainingLength, ...fields });
  if (p.cut) decoded.partial = true;
  return decoded;
}

function body(p: RawPacket, m: Message, s: MqttSession): PacketResult {
  switch (p.type) {
    case 'CONNECT':
      return connect(p, s);
    case 'CONNACK':
      return connack(p, s);
    case 'PUBLISH':
      return publish(p, s);
    case 'PUBACK':
    case 'PUBREC':
    case 'PUBREL':
    case 'PUBCOMP':
      return ack(p, s);
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return subscribe(p, s);
    case 'SUBACK':
    case 'UNSUBACK':
      return subscribeAck(p, s);
    case 'PINGREQ':
      return { decoded: { type: 'PINGREQ', summary: 'PINGREQ', heartbeat: 'ping' }, fields: {} };
    case 'PINGRESP':
      return { decoded: { type: 'PINGRESP', summary: 'PINGRESP', heartbeat: 'pong' }, fields: {} };
    case 'DISCONNECT':
      return disconnect(p, m.dir, s);
    case 'AUTH':
      return auth(p, s);
    case 'Reserved':
      return { decoded: malformed('Reserved', 'packet type 0 is reserved', p.cut), fields: {} };
  }
}
