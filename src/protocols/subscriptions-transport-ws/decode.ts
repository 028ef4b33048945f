import { describeGraphql } from '../shared/graphql-message';
import type { GraphqlDialect } from '../shared/graphql-message';
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

const DIALECT: GraphqlDialect = {
  protocol: 'subscriptions-transport-ws',
  start: 'start',
  perOperation: ['data', 'stop', 'complete'],
};

export function decode(m: MessagePreview & { preview: string }, s: LegacySession): Decoded {
  return decodeJsonObject(m, DIALECT.protocol, (o) => {
    const raw = str(o, 'type');
    const type = raw !== undefined && Object.hasOwn(OLD_NAMES, raw) ? OLD_NAMES[raw] : raw;
    const payload = field(o, 'payload');
    switch (type) {
      case 'ka':
        s.keepAliveSeen = true;
        return { type: 'ka', summary: 'ka (keep-alive)', heartbeat: 'ping' };
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
      default:
        return describeGraphql(DIALECT, type, idText(field(o, 'id')), payload);
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
