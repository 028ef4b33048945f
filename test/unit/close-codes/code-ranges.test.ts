import { describe, expect, it } from 'vitest';
import {
  codeRange,
  isLocalOnly,
  isWireValid,
  NOT_A_CODE_TEXT,
  RANGE_TEXT,
} from '../../../src/close-codes/code-ranges';
import { pageMaySend } from '../../../src/protocol/inject-command';
import type { CodeRange } from '../../../src/close-codes/types';

describe('codeRange', () => {
  it.each<[number, CodeRange]>([
    [0, 'unused'],
    [999, 'unused'],
    [1000, 'standard'],
    [1015, 'standard'],
    [1016, 'reserved'],
    [2999, 'reserved'],
    [3000, 'registered'],
    [3999, 'registered'],
    [4000, 'private'],
    [4999, 'private'],
    [5000, 'invalid'],
    [65535, 'invalid'],
  ])('%i is %s', (code, range) => {
    expect(codeRange(code)).toBe(range);
  });

  it.each([-1, 65536, 1000.5, Number.NaN, Number.POSITIVE_INFINITY])('%d is not a close code', (code) => {
    expect(codeRange(code)).toBeNull();
  });
});

describe('isWireValid', () => {
  it('accepts only 1000-1003, 1007-1014 and 3000-4999', () => {
    for (let code = 0; code <= 65535; code++) {
      const expected =
        (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
      if (isWireValid(code) !== expected) expect.fail(`isWireValid(${code}) should be ${expected}`);
    }
    expect(isWireValid(1000.5)).toBe(false);
  });
});

describe('isLocalOnly and pageMaySend', () => {
  it('marks exactly 1005, 1006 and 1015 as local only', () => {
    const local = [];
    for (let code = 0; code <= 65535; code++) if (isLocalOnly(code)) local.push(code);
    expect(local).toEqual([1005, 1006, 1015]);
  });

  it('lets the page send exactly 1000 and 3000-4999', () => {
    for (let code = 0; code <= 65535; code++) {
      const expected = code === 1000 || (code >= 3000 && code <= 4999);
      if (pageMaySend(code) !== expected) expect.fail(`pageMaySend(${code}) should be ${expected}`);
    }
    expect(pageMaySend(3000.5)).toBe(false);
  });
});

describe('range text', () => {
  it('uses the range labels and severities of close-codes.md', () => {
    expect(RANGE_TEXT.unused).toMatchObject({ name: 'Not used', severity: 'error' });
    expect(RANGE_TEXT.reserved).toMatchObject({ name: 'Reserved (unassigned)', severity: 'error' });
    expect(RANGE_TEXT.registered).toMatchObject({
      name: 'Library/framework (unregistered)',
      severity: 'warn',
    });
    expect(RANGE_TEXT.private).toMatchObject({ name: 'Private use', severity: 'warn' });
    expect(RANGE_TEXT.invalid).toMatchObject({ name: 'Invalid (outside the code space)', severity: 'error' });
    expect(NOT_A_CODE_TEXT.severity).toBe('error');
  });
});
