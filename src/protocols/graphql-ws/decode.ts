import { describeGraphql } from '../shared/graphql-message';
import type { GraphqlDialect } from '../shared/graphql-message';
import { field, str } from '../shared/json';
import { decodeJsonObject, idText } from '../shared/json-message';
import type { Decoded, MessagePreview } from '../types';

const DIALECT: GraphqlDialect = {
  protocol: 'graphql-transport-ws',
  start: 'subscribe',
  perOperation: ['next', 'complete'],
};

/** graphql-transport-ws (the graphql-ws library's PROTOCOL.md): one JSON object per message. */
export function decode(m: MessagePreview & { preview: string }): Decoded {
  return decodeJsonObject(m, DIALECT.protocol, (o) => {
    const type = str(o, 'type');
    if (type === 'ping' || type === 'pong') return { type, summary: type, heartbeat: type };
    return describeGraphql(DIALECT, type, idText(field(o, 'id')), field(o, 'payload'));
  });
}
