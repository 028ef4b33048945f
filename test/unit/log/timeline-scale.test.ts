import { describe, expect, it } from 'vitest';
import { densityBins, makeScale } from '../../../src/log/timeline-scale';

describe('makeScale', () => {
  it('maps the span onto the width with round ticks far enough apart', () => {
    const s = makeScale(1000, 11_000, 1000);
    expect(s.x(1000)).toBe(0);
    expect(s.x(11_000)).toBe(1000);
    expect(s.step).toBe(1000);
    expect(s.ticks.map((t) => t.t)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000, 11_000]);
  });

  it('uses millisecond steps for short spans', () => {
    expect(makeScale(0, 100, 1000).step).toBe(10);
  });
});

describe('densityBins', () => {
  it('counts times per bin and ignores those outside', () => {
    expect(densityBins([0, 1, 9, 10, 11, -1], 0, 10, 2)).toEqual([2, 2]);
  });
});
