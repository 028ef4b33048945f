import { combineParts, malformed } from '../shared/decoded';
import { field, isRecord, num, readJson, str } from '../shared/json';
import type { JsonValue } from '../shared/lenient-json';
import { finish, idText } from '../shared/json-message';
import { oneLine, quoted } from '../shared/text';
import type { Decoded, MessagePreview } from '../types';

/** The spec's predefined error codes; -32000 to -32099 are the implementation's server errors. */
const ERRORS: ReadonlyMap<number, string> = new Map([
  [-32700, 'Parse error'],
  [-32600, 'Invalid Request'],
  [-32601, 'Method not found'],
  [-32602, 'Invalid params'],
  [-32603, 'Internal error'],
]);
/** Requests listed from one batch, at most. */
const MAX_BATCH = 50;

export function decode(m: MessagePreview & { preview: string }): Decoded {
  if (m.kind === 'binary') return malformed('binary', 'JSON-RPC messages are JSON text', m.truncated);
  const json = readJson(m.preview, m.truncated);
  const v = json.value;
  if (Array.isArray(v)) {
    if (v.length === 0)
      return finish(
        { type: 'batch', summary: 'empty batch', error: 'an empty batch is an Invalid Request' },
        json,
      );
    const d = combineParts(v.slice(0, MAX_BATCH).map(one));
    return finish({ ...d, type: `batch`, summary: `batch of ${v.length}: ${d.summary}` }, json);
  }
  if (!isRecord(v))
    return malformed('message', json.error ?? 'expected a JSON object or batch array', json.partial);
  return finish(one(v), json);
}

function one(v: JsonValue): Decoded {
  if (!isRecord(v))
    return { type: 'invalid', summary: 'invalid entry', error: 'a batch entry must be an object' };
  const id = idText(field(v, 'id'));
  const method = str(v, 'method');
  if (method !== undefined) {
    const name = oneLine(method, 100);
    return Object.hasOwn(v, 'id')
      ? { type: 'request', summary: `request ${name}${id}`, event: name }
      : { type: 'notification', summary: `notification ${name}`, event: name };
  }
  const error = field(v, 'error');
  if (isRecord(error)) {
    const code = num(error, 'code');
    const message = str(error, 'message');
    const known =
      code === undefined
        ? undefined
        : (ERRORS.get(code) ?? (code <= -32000 && code >= -32099 ? 'Server error' : undefined));
    const text = [code, known, message === undefined ? undefined : quoted(message)]
      .filter((x) => x !== undefined)
      .join(' ');
    return { type: 'error', summary: `error${id} ${text}`.trimEnd() };
  }
  if (Object.hasOwn(v, 'result')) return { type: 'result', summary: `result${id}` };
  return {
    type: 'invalid',
    summary: 'neither request nor response',
    error: 'a JSON-RPC message has a method, a result or an error',
  };
}
