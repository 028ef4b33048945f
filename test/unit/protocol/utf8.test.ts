import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../src/protocol/utf8';

describe('utf8Length', () => {
  it('matches TextEncoder for every kind of character, wherever the first non-ASCII one is', () => {
    for (const s of ['', 'ascii', 'é', '€', '😀', 'a😀b€é', 'x'.repeat(1000) + '😀', '€' + 'x'.repeat(999)]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('counts lone surrogates as U+FFFD (3 bytes), as browsers send them', () => {
    for (const s of ['\ud800', 'a\udc00b', '\ud83d', '\ud83d\ud83d\ude00', 'x\udbff']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
