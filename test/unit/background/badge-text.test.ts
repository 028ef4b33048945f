import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../src/background/badge-text';

describe('badgeText', () => {
  it('counts abnormal closes and marks a tab whose messages rules change', () => {
    expect(badgeText(0, false)).toBe('');
    expect(badgeText(3, false)).toBe('3');
    expect(badgeText(0, true)).toBe('R');
    expect(badgeText(3, true)).toBe('3·R');
  });
});
