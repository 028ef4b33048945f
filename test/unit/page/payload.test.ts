import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hex, textPreview, utf8Length } from '../../../src/page/payload';

const natives = {
  stringify: JSON.stringify,
  parse: JSON.parse,
  fromCharCodes: (codes: number[]) => String.fromCharCode(...codes),
};

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
    expect(hex(new Uint8Array([0, 1, 15, 16, 255]), natives)).toBe('00010f10ff');
  });

  it('keeps a preview as one flat string, not a rope of its pieces', () => {
    // Node exposes gc() to a new context once the flag is set: retained size is then exact.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const bytes = new Uint8Array(256).map((_, i) => i);
    gc();
    const before = memoryUsage().heapUsed;
    const kept = Array.from({ length: 2000 }, () => hex(bytes, natives));
    gc();
    // 2,000 previews of 512 one-byte characters: about 1 MB flat; appended pairwise, ~20 MB.
    expect(memoryUsage().heapUsed - before).toBeLessThan(3e6);
    expect(kept).toHaveLength(2000);
  });
});
