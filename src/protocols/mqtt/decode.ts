import { combineParts, malformed } from '../shared/decoded';
import { hexToBytes } from '../shared/hex';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import type { PacketResult } from './connection-packets';
import { auth, connack, connect, disconnect } from './connection-packets';
import type { RawPacket } from './packet-types';
import type { StreamEvent } from './stream';
import { feed } from './stream';
import { ack, publish, subscribe, subscribeAck } from './pubsub-packets';
import type { MqttSession } from './session';

type Message = MessagePreview & { preview: string };

/**
 * One WebSocket message of an MQTT byte stream. Packets may share a message or span several
 * (aedes writes a packet's fields as separate messages), so each direction's stream is carried
 * in the session and a packet is decoded in the message that completes it.
 */
export function decode(m: Message, s: MqttSession): Decoded {
  if (m.kind === 'text')
    return malformed('text', 'MQTT over WebSocket must use binary messages (MQTT-6.0.0-1)', m.truncated);
  const { bytes, invalid } = hexToBytes(m.preview);
  const parts = feed(s.streams[m.dir], bytes, m.size).map((e) => event(e, m, s));
  const d = combineParts(parts);
  if (invalid) d.error = 'the preview is not valid hex';
  return d;
}

function event(e: StreamEvent, m: Message, s: MqttSession): Decoded {
  switch (e.kind) {
    case 'packet':
      return packet(e.packet, m, s);
    case 'started':
      return {
        type: 'fragment',
        summary: `${e.type} (${e.have} of ${e.remainingLength} bytes, continues in the next message)`,
        partial: true,
      };
    case 'continued':
      return {
        type: 'fragment',
        summary: `part of ${e.type} (${e.have} of ${e.remainingLength} bytes)`,
        partial: true,
      };
    case 'header':
      return { type: 'fragment', summary: `start of a fixed header (${e.bytes} bytes)`, partial: true };
    case 'lost':
      return { type: 'unseen', summary: 'a packet starts beyond the preview', partial: true };
    case 'error':
      return malformed('packet', e.error, false);
  }
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
