import { describe, expect, it } from 'vitest';
import { MORE, TREE_LIMITS, toTree } from '../../../../src/protocols/shared/tree';

function depth(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  return 1 + Math.max(0, ...Object.values(v).map(depth));
}

describe('toTree', () => {
  it('copies small JSON values as they are', () => {
    const v = { a: [1, 'x', null, true], b: { c: 2.5 } };
    expect(toTree(v)).toEqual(v);
  });

  it('caps depth, breadth, total size and string length', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(depth(toTree(deep))).toBe(TREE_LIMITS.depth);
    const wide = toTree(Array.from({ length: 10_000 }, (_, i) => i));
    expect(wide).toHaveLength(TREE_LIMITS.entries + 1);
    expect(Array.isArray(wide) && wide[TREE_LIMITS.entries]).toBe(
      `${MORE} ${10_000 - TREE_LIMITS.entries} more`,
    );
    const long = toTree('x'.repeat(1_000_000));
    expect(long).toBe(`${'x'.repeat(TREE_LIMITS.string)}${MORE}`);
    const grid = toTree(Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => 1)));
    expect(JSON.stringify(grid).match(/1/g)?.length ?? 0).toBeLessThanOrEqual(TREE_LIMITS.nodes);
  });

  it('keeps "__proto__" an own, plain key', () => {
    const tree = toTree(JSON.parse('{"__proto__":{"x":1}}'));
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
    expect(JSON.stringify(tree)).toBe('{"__proto__":{"x":1}}');
  });

  it('replaces lone surrogates and non-JSON numbers', () => {
    expect(toTree(['\ud800x', 'ok \ud83d\ude00', Infinity, NaN])).toEqual([
      '\ufffdx',
      'ok \ud83d\ude00',
      'Infinity',
      'NaN',
    ]);
  });
});
