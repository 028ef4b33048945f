import { describe, expect, it } from 'vitest';
import { hex, textPreview, utf8Length } from '../../../src/page/payload';

const natives = { stringify: JSON.stringify, parse: JSON.parse };

describe('utf8Length', () => {
  it('matches TextEncoder for every kind of character', () => {
    for (const s of ['', 'ascii', 'é', '€', '😀', 'a😀b€é', 'x'.repeat(1000) + '😀']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('counts lone surrogates as U+FFFD (3 bytes), as browsers send them', () => {
    for (const s of ['\ud800', 'a\udc00b', '\ud83d', '\ud83d\ud83d\ude00']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe('textPreview', () => {
  it('returns short text as is and caps long text', () => {
    expect(textPreview('short', 10, natives)).toBe('short');
    expect(textPreview('0123456789abc', 10, natives)).toBe('0123456789');
  });

  it('never splits a surrogate pair', () => {
    expect(textPreview('123456789😀', 10, natives)).toBe('123456789');
  });
});

describe('hex', () => {
  it('writes two lower-case digits a byte', () => {
    expect(hex(new Uint8Array([0, 1, 15, 16, 255]))).toBe('00010f10ff');
  });
});
