import type { Decoded } from '../types';
import type { JsonValue } from './lenient-json';
import { errorMessages, operationOf } from './graphql-operation';
import { oneLine } from './text';

/** How one of the two GraphQL-over-WebSocket protocols names the messages they share. */
export interface GraphqlDialect {
  protocol: string;
  /** The client's operation start: "subscribe" or the legacy "start". */
  start: string;
  /** Messages about one operation, summarised by type and id. */
  perOperation: readonly string[];
}

/**
 * The messages both protocols have in common, after each decoder has handled its own (pings,
 * keep-alives, goodbyes): operation starts named by their operation, errors by their messages.
 */
export function describeGraphql(
  dialect: GraphqlDialect,
  type: string | undefined,
  id: string,
  payload: JsonValue | undefined,
): Decoded {
  if (type === undefined)
    return {
      type: 'message',
      summary: 'message without a type',
      error: 'every message needs a string "type"',
    };
  if (type === dialect.start) {
    const op = operationOf(payload);
    const d: Decoded = {
      type,
      summary: `${type}${id} ${op.kind}${op.name === undefined ? '' : ` ${op.name}`}`,
    };
    if (op.name !== undefined) d.event = op.name;
    return d;
  }
  if (type === 'error') {
    const text = errorMessages(payload);
    return { type, summary: `error${id}${text === undefined ? '' : ` ${JSON.stringify(text)}`}` };
  }
  if (dialect.perOperation.includes(type)) return { type, summary: `${type}${id}` };
  if (type === 'connection_init' || type === 'connection_ack') return { type, summary: type };
  return {
    type: oneLine(type, 40),
    summary: oneLine(type, 60),
    error: `not a ${dialect.protocol} message type`,
  };
}
