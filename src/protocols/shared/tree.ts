import type { TreeValue } from '../types';
import { wellFormed } from './text';

/** Caps on a detail tree, so hostile input cannot make the panel build a huge or deep DOM. */
export const TREE_LIMITS = { depth: 12, entries: 100, nodes: 1000, string: 500 } as const;

/** Marks where the tree was cut: an array's last element, or an object's last key. */
export const MORE = '…';

/** A capped copy of a parsed JSON value (or any plain value) for the detail tree. */
export function toTree(value: unknown): TreeValue {
  const budget = { nodes: TREE_LIMITS.nodes };
  return copy(value, 0, budget);
}

function copy(value: unknown, depth: number, budget: { nodes: number }): TreeValue {
  budget.nodes--;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return clipString(value);
  // Never from JSON: bigint, undefined, functions and symbols only say what they are.
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : `(${typeof value})`;
  if (depth >= TREE_LIMITS.depth) return MORE;
  if (Array.isArray(value)) {
    const out: TreeValue[] = [];
    for (const item of value) {
      if (out.length >= TREE_LIMITS.entries || budget.nodes <= 0) {
        out.push(`${MORE} ${value.length - out.length} more`);
        break;
      }
      out.push(copy(item, depth + 1, budget));
    }
    return out;
  }
  const out: { [key: string]: TreeValue } = {};
  const keys = Object.keys(value);
  let n = 0;
  for (const key of keys) {
    if (n >= TREE_LIMITS.entries || budget.nodes <= 0) {
      define(out, MORE, `${keys.length - n} more`);
      break;
    }
    define(out, clipString(key), copy(Reflect.get(value, key), depth + 1, budget));
    n++;
  }
  return out;
}

/** An own property even for "__proto__", which plain assignment would treat as the prototype. */
function define(out: { [key: string]: TreeValue }, key: string, value: TreeValue): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function clipString(s: string): string {
  const max = TREE_LIMITS.string;
  return wellFormed(s.length > max ? `${s.slice(0, max)}${MORE}` : s);
}
