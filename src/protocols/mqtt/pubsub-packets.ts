import { utf8Text } from '../shared/byte-reader';
import { oneLine } from '../shared/text';
import type { Decoded } from '../types';
import type { Fields, PacketResult } from './connection-packets';
import { properties } from './connection-packets';
import type { RawPacket } from './packet-types';
import { hex2, reasonName } from './reason-codes';
import type { MqttSession } from './session';

/** Payload bytes shown in the tree, at most. */
const MAX_PAYLOAD = 200;
/** Topic filters listed from one SUBSCRIBE or UNSUBSCRIBE, at most. */
const MAX_FILTERS = 50;

export function publish(p: RawPacket, s: MqttSession): PacketResult {
  const r = p.body;
  const start = r.pos;
  const qos = (p.flags >> 1) & 3;
  const fields: Fields = { qos, retain: (p.flags & 1) === 1, dup: (p.flags & 8) === 8 };
  const topic = r.utf8();
  if (topic === null) return { decoded: { type: 'PUBLISH', summary: `PUBLISH QoS ${qos}` }, fields };
  fields.topic = topic;
  const id = qos > 0 ? r.u16() : null;
  if (id !== null) fields.packetId = id;
  const props = properties(r, s, fields);
  const alias = props?.['Topic Alias'];
  fields.payloadBytes = p.remainingLength - (r.pos - start);
  fields.payload = payloadText(r.take(Math.min(r.left, MAX_PAYLOAD)) ?? new Uint8Array(0));
  const name = topic === '' && typeof alias === 'number' ? `(topic alias ${alias})` : oneLine(topic, 120);
  const flags = `${fields.retain === true ? ' retain' : ''}${fields.dup === true ? ' dup' : ''}`;
  const d: Decoded = {
    type: 'PUBLISH',
    summary: `PUBLISH ${name} QoS ${qos}${id === null ? '' : ` id ${id}`}${flags}`,
  };
  if (topic !== '') d.event = oneLine(topic, 120);
  if (qos === 3) d.error = 'QoS 3 is not allowed';
  return { decoded: d, fields };
}

/** PUBACK, PUBREC, PUBREL, PUBCOMP: a packet id and, in 5.0, a reason code when not Success. */
export function ack(p: RawPacket, s: MqttSession): PacketResult {
  const id = p.body.u16();
  const code = s.level === 5 && p.remainingLength > 2 ? p.body.u8() : null;
  const fields: Fields = { packetId: id };
  if (code !== null) fields.code = code;
  if (p.remainingLength > 3) properties(p.body, s, fields);
  const reason = code === null || code === 0 ? '' : ` 0x${hex2(code)} ${reasonName(code)}`;
  return {
    decoded: { type: p.type, summary: `${p.type}${id === null ? '' : ` id ${id}`}${reason}` },
    fields,
  };
}

export function subscribe(p: RawPacket, s: MqttSession): PacketResult {
  const r = p.body;
  const id = r.u16();
  const fields: Fields = { packetId: id };
  properties(r, s, fields);
  const filters: { filter: string; qos?: number }[] = [];
  while (r.left > 0 && filters.length < MAX_FILTERS) {
    const filter = r.utf8();
    if (filter === null) break;
    if (p.type === 'UNSUBSCRIBE') {
      filters.push({ filter });
      continue;
    }
    const options = r.u8();
    filters.push(options === null ? { filter } : { filter, qos: options & 3 });
  }
  fields.filters = filters;
  const [first] = filters;
  const more = filters.length > 1 ? ` +${filters.length - 1} more` : '';
  const qos = first?.qos === undefined ? '' : ` QoS ${first.qos}`;
  const d: Decoded = {
    type: p.type,
    summary: first === undefined ? p.type : `${p.type} ${oneLine(first.filter, 120)}${qos}${more}`,
  };
  if (first !== undefined) d.event = oneLine(first.filter, 120);
  return { decoded: d, fields };
}

/** SUBACK and UNSUBACK: one code per filter (3.1.1 SUBACK: granted QoS or 0x80 failure). */
export function subscribeAck(p: RawPacket, s: MqttSession): PacketResult {
  const r = p.body;
  const id = r.u16();
  const fields: Fields = { packetId: id };
  properties(r, s, fields);
  const codes: number[] = [];
  while (r.left > 0 && codes.length < MAX_FILTERS) codes.push(r.u8() ?? 0);
  fields.codes = codes;
  const text = codes.map((c) => codeText(p.type, c, s.level === 5)).join(', ');
  return {
    decoded: {
      type: p.type,
      summary: `${p.type}${id === null ? '' : ` id ${id}`}${text === '' ? '' : ` ${text}`}`,
    },
    fields,
  };
}

function codeText(type: RawPacket['type'], code: number, v5: boolean): string {
  if (v5) return code < 3 && type === 'SUBACK' ? `granted QoS ${code}` : reasonName(code);
  if (type === 'UNSUBACK') return `0x${hex2(code)}`;
  return code === 0x80 ? 'Failure' : `granted QoS ${code}`;
}

function payloadText(bytes: Uint8Array): string {
  const text = utf8Text(bytes);
  // Binary payloads read as text would be noise: show their hex instead.
  // eslint-disable-next-line no-control-regex -- control bytes are what marks a payload as binary
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text))
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
  return text;
}
