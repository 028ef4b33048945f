import { describe, expect, it } from 'vitest';
import { densityBins, makeScale } from '../../../src/log/timeline-scale';

describe('makeScale', () => {
  it('maps the span onto the width with round ticks far enough apart', () => {
    const s = makeScale(1000, 11_000, 1000);
    expect(s.x(1000)).toBe(0);
    expect(s.x(11_000)).toBe(1000);
    expect(s.step).toBe(1000);
    expect(s.ticks.map((t) => t.t)).toEqual([
      1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000, 11_000,
    ]);
  });

  it('uses millisecond steps for short spans', () => {
    expect(makeScale(0, 100, 1000).step).toBe(10);
  });
});

describe('densityBins', () => {
  const bins = (times: number[], from: number, to: number, n: number) =>
    densityBins(times.length, (i) => times[i]!, from, to, n);

  it('counts times per bin and ignores those outside', () => {
    expect(bins([-1, 0, 1, 9, 10, 11], 0, 10, 2)).toEqual([2, 2]);
  });

  it('counts exactly as a walk over every time would', () => {
    const times = Array.from({ length: 5000 }, (_, i) => 1000 + Math.floor(i * 1.7) + (i % 7) * 0.3).sort(
      (a, b) => a - b,
    );
    for (const [from, to, n] of [
      [1000, 9500, 300],
      [2000, 4000, 7],
      [0, 20_000, 1],
      [5000, 5000, 40],
    ] as const) {
      const walked = new Array<number>(n).fill(0);
      for (const t of times)
        if (t >= from && t <= to)
          walked[Math.min(n - 1, Math.floor(((t - from) / Math.max(to - from, 1)) * n))]!++;
      expect(bins(times, from, to, n)).toEqual(walked);
    }
  });
});
