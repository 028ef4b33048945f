import { describe, expect, it } from 'vitest';
import { isAbnormal } from '../../../src/close-codes/is-abnormal';

describe('isAbnormal', () => {
  it.each([
    [1000, true, false],
    [1001, true, false],
    [1005, true, false],
    [1012, true, false],
    [1013, true, false],
    [4001, true, false],
    [3000, true, false],
    [1011, true, true], // a server error reported politely
    [1008, true, true],
    [1006, true, true], // Firefox passed a forbidden 1006 through
    [1015, true, true],
    [1004, true, true],
    [2000, true, true],
    [5000, true, true],
    [1006, false, true],
    [1000, false, true], // unclean is always a problem
    [4001, false, true],
  ])('code %i, wasClean %s -> %s', (code, wasClean, expected) => {
    expect(isAbnormal({ code, wasClean, injected: false })).toBe(expected);
  });

  it('never counts a close the tester injected', () => {
    expect(isAbnormal({ code: 1006, wasClean: false, injected: true })).toBe(false);
    expect(isAbnormal({ code: 1011, wasClean: true, injected: true })).toBe(false);
  });
});
