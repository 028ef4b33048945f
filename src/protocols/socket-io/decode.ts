import { malformed } from '../shared/decoded';
import { isRecord, num, readJson, str } from '../shared/json';
import { oneLine, quoted, seconds } from '../shared/text';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import { parseEngineIo } from './engine-io-packet';
import { connectErrorGoodbye, disconnectGoodbye, engineIoCloseGoodbye } from './goodbyes';
import type { SocketIoSession } from './session';
import type { SocketIoPacket } from './socket-io-packet';
import { parseSocketIo } from './socket-io-packet';

type Message = MessagePreview & { preview: string };

export function decode(m: Message, s: SocketIoSession): Decoded {
  if (m.kind === 'binary') return attachment(m, s);
  const packet = parseEngineIo(m.preview);
  if (packet === null)
    return malformed('Engine.IO', `no Engine.IO packet type: ${quoted(m.preview, 20)}`, m.truncated);
  switch (packet.type) {
    case 'open':
      return open(packet.data, m, s);
    case 'ping':
    case 'pong':
      // "2probe"/"3probe" test a new transport during an upgrade; they are not heartbeats.
      if (packet.data === 'probe')
        return { type: `${packet.type} probe`, summary: `upgrade ${packet.type} probe` };
      return { type: packet.type, summary: packet.type, heartbeat: packet.type };
    case 'close':
      return { type: 'close', summary: 'Engine.IO close', goodbye: engineIoCloseGoodbye(m.dir) };
    case 'upgrade':
    case 'noop':
      return { type: packet.type, summary: packet.type };
    case 'message':
      return socketIo(packet.data, m, s);
  }
}

function open(data: string, m: Message, s: SocketIoSession): Decoded {
  const json = readJson(data, m.truncated);
  if (!isRecord(json.value))
    return malformed('open', json.error ?? 'the open packet is not a JSON object', json.partial);
  const interval = num(json.value, 'pingInterval');
  const timeout = num(json.value, 'pingTimeout');
  if (interval !== undefined && interval > 0) s.pingInterval = interval;
  if (timeout !== undefined && timeout > 0) s.pingTimeout = timeout;
  const timing =
    interval !== undefined && timeout !== undefined
      ? ` pingInterval ${seconds(interval)} pingTimeout ${seconds(timeout)}`
      : '';
  const d: Decoded = { type: 'open', summary: `open${timing}`, tree: toTree(json.value) };
  if (json.partial) d.partial = true;
  return d;
}

function socketIo(data: string, m: Message, s: SocketIoSession): Decoded {
  const p = parseSocketIo(data, m.truncated);
  // Plain Engine.IO (no Socket.IO on top) carries any text in its message packets.
  if (typeof p === 'string') return { type: 'message', summary: `message ${quoted(data)}` };
  const d = describe(p, m, s);
  d.tree = toTree({
    packet: p.type,
    namespace: p.namespace,
    ...(p.ackId === null ? {} : { ackId: p.ackId }),
    ...(p.attachments === null ? {} : { attachments: p.attachments }),
    ...(p.data === undefined ? {} : { data: p.data }),
  });
  if (p.partial) d.partial = true;
  if (p.error !== null) d.error = p.error;
  return d;
}

function describe(p: SocketIoPacket, m: Message, s: SocketIoSession): Decoded {
  const nsp = p.namespace === '/' ? '' : ` ${oneLine(p.namespace, 60)}`;
  const ack = p.ackId === null ? '' : ` ack ${p.ackId}`;
  switch (p.type) {
    case 'CONNECT':
      return { type: 'CONNECT', summary: `CONNECT ${oneLine(p.namespace, 60)}` };
    case 'DISCONNECT':
      return {
        type: 'DISCONNECT',
        summary: `DISCONNECT ${oneLine(p.namespace, 60)}`,
        goodbye: disconnectGoodbye(m.dir, p.namespace),
      };
    case 'CONNECT_ERROR': {
      const message =
        typeof p.data === 'string' ? p.data : isRecord(p.data) ? str(p.data, 'message') : undefined;
      const text = message === undefined ? '' : ` ${quoted(message)}`;
      return {
        type: 'CONNECT_ERROR',
        summary: `CONNECT_ERROR${nsp}${text}`,
        goodbye: connectErrorGoodbye(p.namespace, message),
      };
    }
    case 'EVENT':
    case 'BINARY_EVENT': {
      const name = Array.isArray(p.data) ? p.data[0] : undefined;
      const label = typeof name === 'string' ? oneLine(name, 100) : '(unnamed)';
      expectAttachments(p, s, `event ${label}`);
      const d: Decoded = { type: p.type, summary: `event ${label}${nsp}${ack}${attachmentsText(p)}` };
      if (typeof name === 'string') d.event = oneLine(name, 100);
      else if (!p.partial) d.error = 'an event packet must hold an array starting with the event name';
      return d;
    }
    case 'ACK':
    case 'BINARY_ACK':
      expectAttachments(p, s, `ack ${p.ackId ?? '?'}`);
      return { type: p.type, summary: `ack ${p.ackId ?? '(no id)'}${nsp}${attachmentsText(p)}` };
  }
}

function attachmentsText(p: SocketIoPacket): string {
  if (p.attachments === null) return '';
  return ` (${p.attachments} binary attachment${p.attachments === 1 ? '' : 's'})`;
}

function expectAttachments(p: SocketIoPacket, s: SocketIoSession, label: string): void {
  s.pending =
    p.attachments !== null && p.attachments > 0 ? { label, total: p.attachments, left: p.attachments } : null;
}

/** Binary messages follow a BINARY_EVENT/ACK, one per placeholder; otherwise plain Engine.IO binary. */
function attachment(m: Message, s: SocketIoSession): Decoded {
  const pending = s.pending;
  if (pending === null) return { type: 'binary message', summary: `binary message (${m.size} bytes)` };
  const n = pending.total - pending.left + 1;
  pending.left--;
  if (pending.left === 0) s.pending = null;
  return {
    type: 'attachment',
    summary: `binary attachment ${n} of ${pending.total} for ${pending.label} (${m.size} bytes)`,
  };
}
