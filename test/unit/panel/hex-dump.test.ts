import { describe, expect, it } from 'vitest';
import { hexDump } from '../../../src/panel/hex-dump';
import { listKeyTarget } from '../../../src/panel/list-keys';

describe('hexDump', () => {
  it('writes offset, bytes and printable ASCII, 16 bytes a line', () => {
    const hex = '48656c6c6f00ff' + '41'.repeat(12);
    expect(hexDump(hex)).toEqual([
      {
        offset: '00000000',
        bytes: '48 65 6c 6c 6f 00 ff 41 41 41 41 41 41 41 41 41',
        ascii: 'Hello..AAAAAAAAA',
      },
      { offset: '00000010', bytes: '41 41 41', ascii: 'AAA' },
    ]);
  });
});

describe('listKeyTarget', () => {
  it('moves like a list: arrows, Home/End, pages, clamped', () => {
    expect(
      ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'x'].map((k) =>
        listKeyTarget(k, 5, 10, 3),
      ),
    ).toEqual([6, 4, 0, 9, 8, 2, null]);
    expect(listKeyTarget('ArrowDown', -1, 10, 3)).toBe(0);
    expect(listKeyTarget('ArrowDown', 9, 10, 3)).toBe(9);
    expect(listKeyTarget('ArrowDown', 0, 0, 3)).toBeNull();
  });
});
