import {
  ArrayIsArray,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
} from '../primordials/primordials';

/** A JSON object: not null, not an array. */
export function isJsonObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !ArrayIsArray(x);
}

/** Equality of two parsed JSON values: members in any order, elements in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayIsArray(a) || ArrayIsArray(b)) {
    if (!ArrayIsArray(a) || !ArrayIsArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const keys = ObjectKeys(a);
  if (keys.length !== ObjectKeys(b).length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    if (!ObjectPrototypeHasOwnProperty(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Sets an own data member, whatever its name: a plain assignment of `__proto__` would change the
 * object's prototype instead, and a setter the page put on Object.prototype would run. The
 * descriptor has no prototype, so the page cannot answer for its `get` or `set` either.
 */
export function setMember(o: object, key: string, value: unknown): void {
  ObjectDefineProperty(o, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  } as PropertyDescriptor);
}
