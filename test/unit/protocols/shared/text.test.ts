import { describe, expect, it } from 'vitest';
import { MAX_LINE, oneLine, seconds, wellFormed } from '../../../../src/protocols/shared/text';

describe('text helpers', () => {
  it('oneLine folds line breaks and controls and clips', () => {
    expect(oneLine('a\nb\r\n\tc\u2028d\u0000e')).toBe('a b c d e');
    const long = oneLine('x'.repeat(10_000));
    expect(long).toHaveLength(MAX_LINE);
    expect(long.endsWith('…')).toBe(true);
  });

  it('wellFormed replaces only unpaired surrogates', () => {
    expect(wellFormed('\udc00a\ud83d\ude00b\ud800')).toBe('\ufffda\ud83d\ude00b\ufffd');
  });

  it('seconds rounds for a sentence', () => {
    expect(seconds(47_400)).toBe('47 s');
    expect(seconds(1_500)).toBe('1.5 s');
  });
});
