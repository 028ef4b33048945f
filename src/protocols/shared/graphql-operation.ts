import type { JsonValue } from './lenient-json';
import { isRecord, str } from './json';
import { oneLine } from './text';

const OPERATION = /^\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/;
const FIRST_FIELD = /\{\s*(?:[_A-Za-z][_0-9A-Za-z]*\s*:\s*)?([_A-Za-z][_0-9A-Za-z]*)/;

export interface Operation {
  /** query, mutation or subscription ("query" for the shorthand "{ ... }"). */
  kind: string;
  /** The operation's name, else its first root field: what a filter by name matches. */
  name: string | undefined;
}

/** The operation of a subscribe/start payload, from operationName or the query text's start. */
export function operationOf(payload: JsonValue | undefined): Operation {
  const query = isRecord(payload) ? (str(payload, 'query') ?? '') : '';
  const head = query.slice(0, 2000);
  const m = OPERATION.exec(head);
  const given = isRecord(payload) ? str(payload, 'operationName') : undefined;
  const name = given ?? m?.[2] ?? FIRST_FIELD.exec(head)?.[1];
  return { kind: m?.[1] ?? 'query', name: name === undefined ? undefined : oneLine(name, 100) };
}

/** The messages of a GraphQL errors array, joined for a summary. */
export function errorMessages(payload: JsonValue | undefined): string | undefined {
  const list = Array.isArray(payload) ? payload : isRecord(payload) ? [payload] : [];
  const messages = list.flatMap((e) => {
    const m = isRecord(e) ? str(e, 'message') : undefined;
    return m === undefined ? [] : [m];
  });
  return messages.length === 0 ? undefined : oneLine(messages.join('; '), 150);
}
