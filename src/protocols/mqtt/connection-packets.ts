import type { ByteReader } from '../shared/byte-reader';
import { oneLine, quoted, seconds } from '../shared/text';
import type { Decoded } from '../types';
import { disconnectGoodbye, refusedGoodbye } from './goodbyes';
import type { RawPacket } from './packet-types';
import type { Properties } from './properties';
import { readProperties } from './properties';
import { disconnectName, hex2, reasonName, returnCodeName } from './reason-codes';
import type { MqttSession } from './session';
import { levelName } from './session';

export type Fields = Record<string, unknown>;
export interface PacketResult {
  decoded: Decoded;
  fields: Fields;
}

/** 5.0 properties when the session speaks 5.0, into fields; says whether the preview cut them. */
export function properties(r: ByteReader, s: MqttSession, fields: Fields): Properties | null {
  if (s.level !== 5) return null;
  const p = readProperties(r);
  if (Object.keys(p.properties).length > 0) fields.properties = p.properties;
  if (p.error !== null) fields.error = p.error;
  return p.properties;
}

export function connect(p: RawPacket, s: MqttSession): PacketResult {
  const r = p.body;
  const name = r.utf8();
  const level = r.u8();
  const flags = r.u8();
  const keepAlive = r.u16();
  const fields: Fields = { protocolName: name, level, keepAlive };
  if (level === null || keepAlive === null || flags === null)
    return { decoded: { type: 'CONNECT', summary: 'CONNECT' }, fields };
  s.level = level;
  s.keepAlive = keepAlive;
  fields.cleanStart = (flags & 0x02) !== 0;
  properties(r, s, fields);
  const clientId = r.utf8();
  if (clientId !== null) fields.clientId = clientId;
  const client = clientId === null ? '' : ` client ${clientId === '' ? '(empty)' : quoted(clientId, 60)}`;
  return {
    decoded: {
      type: 'CONNECT',
      summary: `CONNECT MQTT ${levelName(level)}${client} keep alive ${keepAlive === 0 ? 'off' : seconds(keepAlive * 1000)}`,
    },
    fields,
  };
}

export function connack(p: RawPacket, s: MqttSession): PacketResult {
  const r = p.body;
  // A 3.1.1 CONNACK is exactly two bytes; a 5.0 one adds properties. Lets a log without its CONNECT decode.
  if (s.level === null) s.level = p.remainingLength > 2 ? 5 : 4;
  const ackFlags = r.u8();
  const code = r.u8();
  const fields: Fields = { sessionPresent: ackFlags === null ? null : (ackFlags & 1) === 1, code };
  if (code === null) return { decoded: { type: 'CONNACK', summary: 'CONNACK' }, fields };
  const props = properties(r, s, fields);
  const serverKeepAlive = props?.['Server Keep Alive'];
  if (typeof serverKeepAlive === 'number') s.serverKeepAlive = serverKeepAlive;
  const v5 = s.level === 5;
  const name = v5 ? reasonName(code) : returnCodeName(code);
  const refused = v5 ? code >= 0x80 : code !== 0;
  const label = v5 ? `0x${hex2(code)} ${name}` : `${code} ${name}`;
  const d: Decoded = { type: 'CONNACK', summary: `CONNACK ${refused ? 'refused: ' : ''}${label}` };
  if (refused) d.goodbye = refusedGoodbye(s.level, code, reasonString(props));
  return { decoded: d, fields };
}

export function disconnect(p: RawPacket, dir: 'sent' | 'received', s: MqttSession): PacketResult {
  const fields: Fields = {};
  if (s.level !== 5) {
    return {
      decoded: {
        type: 'DISCONNECT',
        summary: 'DISCONNECT',
        goodbye: disconnectGoodbye(dir, null, undefined),
      },
      fields,
    };
  }
  // Remaining Length 0 means 0x00 Normal disconnection.
  const code = p.remainingLength === 0 ? 0 : p.body.u8();
  fields.code = code;
  const props = p.remainingLength > 1 ? properties(p.body, s, fields) : null;
  const reason = reasonString(props);
  if (code === null) return { decoded: { type: 'DISCONNECT', summary: 'DISCONNECT' }, fields };
  const text = reason === undefined ? '' : ` ${quoted(reason)}`;
  return {
    decoded: {
      type: 'DISCONNECT',
      summary: `DISCONNECT 0x${hex2(code)} ${disconnectName(code)}${text}`,
      goodbye: disconnectGoodbye(dir, code, reason),
    },
    fields,
  };
}

export function auth(p: RawPacket, s: MqttSession): PacketResult {
  const code = p.remainingLength === 0 ? 0 : p.body.u8();
  const fields: Fields = { code };
  const props = p.remainingLength > 1 ? properties(p.body, s, fields) : null;
  const method = props?.['Authentication Method'];
  const methodText = typeof method === 'string' ? ` ${oneLine(method, 60)}` : '';
  return {
    decoded: {
      type: 'AUTH',
      summary: `AUTH${code === null ? '' : ` 0x${hex2(code)} ${reasonName(code)}`}${methodText}`,
    },
    fields,
  };
}

function reasonString(props: Properties | null): string | undefined {
  const v = props?.['Reason String'];
  return typeof v === 'string' ? v : undefined;
}
