import { errorMessages, operationOf } from '../shared/graphql-operation';
import { field, str } from '../shared/json';
import { decodeJsonObject, idText } from '../shared/json-message';
import { oneLine } from '../shared/text';
import type { Decoded, MessagePreview } from '../types';

/** graphql-transport-ws (the graphql-ws library's PROTOCOL.md): one JSON object per message. */
export function decode(m: MessagePreview & { preview: string }): Decoded {
  return decodeJsonObject(m, 'graphql-transport-ws', (o) => {
    const type = str(o, 'type');
    const id = idText(field(o, 'id'));
    switch (type) {
      case 'ping':
      case 'pong':
        return { type, summary: type, heartbeat: type };
      case 'subscribe': {
        const op = operationOf(field(o, 'payload'));
        const d: Decoded = {
          type,
          summary: `subscribe${id} ${op.kind}${op.name === undefined ? '' : ` ${op.name}`}`,
        };
        if (op.name !== undefined) d.event = op.name;
        return d;
      }
      case 'error': {
        const text = errorMessages(field(o, 'payload'));
        return { type, summary: `error${id}${text === undefined ? '' : ` ${JSON.stringify(text)}`}` };
      }
      case 'next':
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
          error: 'not a graphql-transport-ws message type',
        };
    }
  });
}
