/**
 * A deep copy of a decoder session's state: plain objects, arrays, Maps, Sets and byte arrays
 * are copied; a nested protocol session (a protocol carried inside another) is forked. The copy
 * decodes on from where the original was without changing it.
 */
export function cloneState<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copy(v)]));
  if (value instanceof Set) return new Set([...value].map(copy));
  if (value instanceof Uint8Array) return value.slice();
  if (isForkable(value)) return value.fork();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out;
}

function isForkable(value: object): value is { fork(): unknown } {
  return 'fork' in value && typeof value.fork === 'function';
}
