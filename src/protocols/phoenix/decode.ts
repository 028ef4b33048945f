import { malformed } from '../shared/decoded';
import { ByteReader } from '../shared/byte-reader';
import { field, isRecord, readJson, str } from '../shared/json';
import { finish } from '../shared/json-message';
import { hexToBytes } from '../shared/hex';
import { oneLine } from '../shared/text';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import { channelCloseGoodbye, channelErrorGoodbye, joinRefusedGoodbye } from './goodbyes';
import type { PhoenixMessage } from './message';
import { fromBinary, fromJson } from './message';
import type { PhoenixSession } from './session';
import { rememberJoin } from './session';

type Message = MessagePreview & { preview: string };

export function decode(m: Message, s: PhoenixSession): Decoded {
  if (m.kind === 'binary') {
    const msg = fromBinary(new ByteReader(hexToBytes(m.preview).bytes), m.dir, m.size);
    if (typeof msg === 'string') return malformed('binary', msg, m.truncated);
    const d = describe(msg, m, s);
    d.tree = toTree({
      joinRef: msg.joinRef,
      ref: msg.ref,
      topic: msg.topic,
      event: msg.event,
      payload: msg.payload ?? null,
      payloadBytes: msg.payloadBytes ?? 0,
    });
    if (m.truncated) d.partial = true;
    return d;
  }
  const json = readJson(m.preview, m.truncated);
  const msg = fromJson(json);
  if (typeof msg === 'string') return malformed('message', msg, json.partial);
  return finish(describe(msg, m, s), json);
}

function describe(msg: PhoenixMessage, m: Message, s: PhoenixSession): Decoded {
  const topic = oneLine(msg.topic, 100);
  const event = oneLine(msg.event, 100);
  if (msg.topic === 'phoenix' && msg.event === 'heartbeat')
    return { type: 'heartbeat', summary: 'heartbeat', heartbeat: 'ping' };
  switch (msg.event) {
    case 'phx_join':
      if (m.dir === 'sent' && msg.ref !== null) rememberJoin(s, msg.ref, msg.topic);
      return { type: 'phx_join', summary: `phx_join ${topic}`, event };
    case 'phx_reply':
      return reply(msg, topic, s);
    case 'phx_error':
      return {
        type: 'phx_error',
        summary: `phx_error ${topic}`,
        event,
        goodbye: channelErrorGoodbye(msg.topic),
      };
    case 'phx_close':
      return {
        type: 'phx_close',
        summary: `phx_close ${topic}`,
        event,
        goodbye: channelCloseGoodbye(msg.topic),
      };
    default:
      return { type: msg.event.startsWith('phx_') ? event : 'event', summary: `${event} ${topic}`, event };
  }
}

function reply(msg: PhoenixMessage, topic: string, s: PhoenixSession): Decoded {
  const payload = isRecord(msg.payload) ? msg.payload : undefined;
  const status = payload === undefined ? undefined : str(payload, 'status');
  const response = payload === undefined ? undefined : field(payload, 'response');
  const joined = msg.ref === null ? undefined : s.joins.get(msg.ref);
  if (msg.ref !== null) s.joins.delete(msg.ref);
  const d: Decoded = {
    type: 'phx_reply',
    summary: `phx_reply ${topic} ${oneLine(status ?? '?', 20)}${joined === undefined ? '' : ' (join)'}`,
    event: 'phx_reply',
  };
  // The server's answer to the client's heartbeat: the pong of Phoenix's heartbeat.
  if (msg.topic === 'phoenix') d.heartbeat = 'pong';
  if (joined !== undefined && status === 'error') {
    d.goodbye = joinRefusedGoodbye(joined, isRecord(response) ? str(response, 'reason') : undefined);
  }
  return d;
}
