import { combineParts, malformed } from '../shared/decoded';
import { field, isRecord, num, readJson, str } from '../shared/json';
import type { JsonValue } from '../shared/lenient-json';
import { finish, idText } from '../shared/json-message';
import { oneLine, quoted } from '../shared/text';
import type { Decoded, MessagePreview } from '../types';
import { closeGoodbye, handshakeErrorGoodbye } from './goodbyes';
import { splitRecords } from './records';
import type { SignalRSession } from './session';

type Message = MessagePreview & { preview: string };
type JsonObject = { [key: string]: JsonValue };

/** HubProtocol.md message types. */
const TYPES = [
  '',
  'Invocation',
  'StreamItem',
  'Completion',
  'StreamInvocation',
  'CancelInvocation',
  'Ping',
  'Close',
  'Ack',
  'Sequence',
] as const;

export function decode(m: Message, s: SignalRSession): Decoded {
  if (m.kind === 'binary')
    return malformed(
      'binary',
      'binary messages belong to the MessagePack hub protocol, which is not decoded',
      m.truncated,
    );
  const records = splitRecords(m.preview, m.truncated);
  return combineParts(records.map((r) => record(r.text, r.cut, m, s)));
}

function record(text: string, cut: boolean, m: Message, s: SignalRSession): Decoded {
  const json = readJson(text, cut);
  if (!isRecord(json.value)) return malformed('record', json.error ?? 'expected a JSON object', json.partial);
  const o = json.value;
  return finish(handshake(o, m, s) ?? message(o, m.dir, s), json);
}

/** The first record each way: {"protocol":"json","version":1} and the server's {} or {"error"}. */
function handshake(o: JsonObject, m: Message, s: SignalRSession): Decoded | null {
  if (m.dir === 'sent' && !s.requestSeen && str(o, 'protocol') !== undefined) {
    s.requestSeen = true;
    return {
      type: 'handshake',
      summary: `handshake ${oneLine(str(o, 'protocol') ?? '', 20)} version ${num(o, 'version') ?? '?'}`,
    };
  }
  if (m.dir === 'received' && !s.responseSeen && num(o, 'type') === undefined) {
    s.responseSeen = true;
    const error = str(o, 'error');
    if (error === undefined) return { type: 'handshake response', summary: 'handshake response: ok' };
    return {
      type: 'handshake response',
      summary: `handshake error ${quoted(error)}`,
      goodbye: handshakeErrorGoodbye(error),
    };
  }
  return null;
}

function message(o: JsonObject, dir: 'sent' | 'received', s: SignalRSession): Decoded {
  const code = num(o, 'type');
  const type = code === undefined ? undefined : TYPES[code];
  if (type === undefined || type === '')
    return {
      type: 'unknown',
      summary: `unknown message type ${code ?? '(none)'}`,
      error: 'not a hub protocol message type',
    };
  const id = idText(field(o, 'invocationId'));
  switch (type) {
    case 'Invocation':
    case 'StreamInvocation': {
      const target = str(o, 'target');
      const d: Decoded = {
        type,
        summary: `${type === 'Invocation' ? 'invoke' : 'stream'} ${target === undefined ? '(no target)' : oneLine(target, 100)}${id === '' ? '' : ` id${id}`}`,
      };
      if (target !== undefined) d.event = oneLine(target, 100);
      return d;
    }
    case 'Completion': {
      const error = str(o, 'error');
      return { type, summary: `completion${id}${error === undefined ? '' : ` error ${quoted(error)}`}` };
    }
    case 'Ping':
      return { type, summary: 'ping', heartbeat: 'ping' };
    case 'Close': {
      const error = str(o, 'error');
      const allow = field(o, 'allowReconnect');
      const d: Decoded = {
        type,
        summary: `close${error === undefined ? '' : ` error ${quoted(error)}`}${allow === true ? ' (reconnect allowed)' : ''}`,
      };
      // The client's Close after the server's only acknowledges it: the server's stays the goodbye.
      if (dir === 'received' || !s.serverClosed)
        d.goodbye = closeGoodbye(dir, error, typeof allow === 'boolean' ? allow : undefined);
      if (dir === 'received') s.serverClosed = true;
      return d;
    }
    case 'Sequence':
      return { type, summary: `sequence ${num(o, 'sequenceId') ?? '?'}` };
    case 'Ack':
      return { type, summary: `ack ${num(o, 'sequenceId') ?? '?'}` };
    case 'StreamItem':
    case 'CancelInvocation':
      return { type, summary: `${type === 'StreamItem' ? 'stream item' : 'cancel'}${id}` };
  }
}
