import { errorMessages, operationOf } from '../shared/graphql-operation';
import { field, isRecord, str } from '../shared/json';
import { decodeJsonObject, idText } from '../shared/json-message';
import { oneLine, quoted } from '../shared/text';
import type { AppGoodbye, Decoded, MessagePreview } from '../types';
import type { LegacySession } from './session';

/** Names from before subscriptions-transport-ws 0.6, which its server still accepts. */
const OLD_NAMES: Readonly<Record<string, string>> = {
  init: 'connection_init',
  init_success: 'connection_ack',
  init_fail: 'connection_error',
  subscription_start: 'start',
  subscription_end: 'stop',
  subscription_data: 'data',
  subscription_success: 'start',
  subscription_fail: 'error',
  keepalive: 'ka',
};

export function decode(m: MessagePreview & { preview: string }, s: LegacySession): Decoded {
  return decodeJsonObject(m, 'subscriptions-transport-ws', (o) => {
    const raw = str(o, 'type');
    const type = raw !== undefined && Object.hasOwn(OLD_NAMES, raw) ? OLD_NAMES[raw] : raw;
    const id = idText(field(o, 'id'));
    const payload = field(o, 'payload');
    switch (type) {
      case 'ka':
        s.keepAliveSeen = true;
        return { type: 'ka', summary: 'ka (keep-alive)', heartbeat: 'ping' };
      case 'start': {
        const op = operationOf(payload);
        const d: Decoded = {
          type: 'start',
          summary: `start${id} ${op.kind}${op.name === undefined ? '' : ` ${op.name}`}`,
        };
        if (op.name !== undefined) d.event = op.name;
        return d;
      }
      case 'connection_error': {
        const message = isRecord(payload)
          ? str(payload, 'message')
          : typeof payload === 'string'
            ? payload
            : undefined;
        return {
          type,
          summary: `connection_error${message === undefined ? '' : ` ${quoted(message)}`}`,
          goodbye: connectionError(message),
        };
      }
      case 'connection_terminate':
        return { type, summary: type, goodbye: terminate() };
      case 'error': {
        const text = errorMessages(payload);
        return { type, summary: `error${id}${text === undefined ? '' : ` ${JSON.stringify(text)}`}` };
      }
      case 'data':
      case 'stop':
      case 'complete':
        return { type, summary: `${type}${id}` };
      case 'connection_init':
      case 'connection_ack':
        return { type, summary: type };
      case undefined:
        return {
          type: 'message',
          summary: 'message without a type',
          error: 'every message needs a string "type"',
        };
      default:
        return {
          type: oneLine(type, 40),
          summary: oneLine(type, 60),
          error: 'not a subscriptions-transport-ws message type',
        };
    }
  });
}

function connectionError(message: string | undefined): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'subscriptions-transport-ws',
    name: 'connection_error',
    explanation:
      'The server refused the connection (its onConnect threw or returned false) or could not parse a message; after a refused connection_init the subscriptions-transport-ws server closes the socket with 1011.',
    reconnect: null,
  };
  if (message !== undefined) g.reason = oneLine(message);
  return g;
}

function terminate(): AppGoodbye {
  return {
    protocol: 'subscriptions-transport-ws',
    name: 'connection_terminate',
    explanation:
      'The client ended the connection (connection_terminate); both sides then close the socket without a code.',
    reconnect: false,
  };
}
