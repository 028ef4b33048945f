import type { Decoded } from '../types';
import { malformed } from './decoded';
import type { ReadJson } from './json';
import { isRecord, readJson } from './json';
import type { JsonValue } from './lenient-json';
import { toTree } from './tree';

type JsonObject = { [key: string]: JsonValue };

/**
 * The common shape of JSON protocols: one JSON object per text message, described by `describe`;
 * the tree, partial and error flags are added here once for all of them.
 */
export function decodeJsonObject(
  m: { kind: 'text' | 'binary'; preview: string; truncated: boolean },
  protocol: string,
  describe: (o: JsonObject, json: ReadJson) => Decoded,
): Decoded {
  if (m.kind === 'binary') return malformed('binary', `${protocol} messages are JSON text`, m.truncated);
  const json = readJson(m.preview, m.truncated);
  if (!isRecord(json.value))
    return malformed('message', json.error ?? 'expected a JSON object', json.partial);
  return finish(describe(json.value, json), json);
}

/** Adds the tree of the parsed value and the flags of how it was read. */
export function finish(d: Decoded, json: ReadJson): Decoded {
  if (d.tree === undefined && json.value !== undefined) d.tree = toTree(json.value);
  if (json.partial) d.partial = true;
  if (json.error !== null && d.error === undefined) d.error = json.error;
  return d;
}

export function idText(id: JsonValue | undefined): string {
  return typeof id === 'string' || typeof id === 'number' ? ` ${String(id).slice(0, 40)}` : '';
}
