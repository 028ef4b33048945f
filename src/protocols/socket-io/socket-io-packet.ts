import type { JsonValue } from '../shared/lenient-json';
import { readJson } from '../shared/json';

/** Socket.IO protocol 5 packet types (socket.io-parser PacketType). */
export const SOCKET_IO_TYPES = [
  'CONNECT',
  'DISCONNECT',
  'EVENT',
  'ACK',
  'CONNECT_ERROR',
  'BINARY_EVENT',
  'BINARY_ACK',
] as const;
export type SocketIoType = (typeof SOCKET_IO_TYPES)[number];

export interface SocketIoPacket {
  type: SocketIoType;
  namespace: string;
  attachments: number | null;
  ackId: number | null;
  data: JsonValue | undefined;
  /** The preview ended inside this packet. */
  partial: boolean;
  error: string | null;
}

/** Longest attachment count or ack id read: more digits than any real one, so no huge numbers. */
const MAX_DIGITS = 15;

/**
 * The text after an Engine.IO "4", read as socket.io-parser's decodeString does: type digit,
 * "<n>-" for binary types, "/nsp," unless the main namespace, ack id digits, then JSON.
 */
export function parseSocketIo(text: string, truncated: boolean): SocketIoPacket | string {
  const type = SOCKET_IO_TYPES[text.charCodeAt(0) - 48];
  if (type === undefined) return `unknown Socket.IO packet type ${JSON.stringify(text.slice(0, 1))}`;
  let i = 1;
  let attachments: number | null = null;
  if (type === 'BINARY_EVENT' || type === 'BINARY_ACK') {
    const dash = text.indexOf('-', i);
    const digits = dash < 0 ? '' : text.slice(i, dash);
    if (!/^\d+$/.test(digits) || digits.length > MAX_DIGITS)
      return 'binary packet without a valid attachment count';
    attachments = Number(digits);
    i = dash + 1;
  }
  let namespace = '/';
  if (text[i] === '/') {
    const comma = text.indexOf(',', i);
    namespace = comma < 0 ? text.slice(i) : text.slice(i, comma);
    i = comma < 0 ? text.length : comma + 1;
  }
  const idMatch = /^\d+/.exec(text.slice(i, i + MAX_DIGITS + 1));
  let ackId: number | null = null;
  if (idMatch !== null) {
    if (idMatch[0].length > MAX_DIGITS) return 'ack id too long';
    ackId = Number(idMatch[0]);
    i += idMatch[0].length;
  }
  const rest = text.slice(i);
  const json =
    rest === '' ? { value: undefined, partial: truncated, error: null } : readJson(rest, truncated);
  return { type, namespace, attachments, ackId, data: json.value, partial: json.partial, error: json.error };
}
