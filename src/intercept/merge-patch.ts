import { ObjectKeys, ReflectDeleteProperty } from '../primordials/primordials';
import { isJsonObject, setMember } from './json-value';

/**
 * JSON Merge Patch, RFC 7396 section 2: a patch object merges member by member (a null member
 * removes it, an object member merges into the target's), anything else replaces the target.
 * Returns a new value; `target` is left as it was.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, unknown> = {};
  if (isJsonObject(target)) {
    const keys = ObjectKeys(target);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] ?? '';
      setMember(result, k, target[k]);
    }
  }
  const keys = ObjectKeys(patch);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    const value = patch[k];
    if (value === null) ReflectDeleteProperty(result, k);
    else setMember(result, k, mergePatch(isJsonObject(result) ? result[k] : undefined, value));
  }
  return result;
}
