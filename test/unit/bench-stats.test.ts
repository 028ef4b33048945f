import { describe, expect, it } from 'vitest';
import { medianInterval, spread } from '../../scripts/bench/stats';

describe('medianInterval', () => {
  it('brackets the median, narrows with more pairs, and repeats itself', () => {
    const few = [0.9, 1.1, 0.95, 1.05, 1.0];
    const many = Array.from({ length: 40 }, (_, i) => few[i % 5]!);
    const [lo, hi] = medianInterval(few);
    expect(lo).toBeLessThanOrEqual(spread(few).median);
    expect(hi).toBeGreaterThanOrEqual(spread(few).median);
    const [lo2, hi2] = medianInterval(many);
    expect(hi2 - lo2).toBeLessThan(hi - lo);
    expect(medianInterval(few)).toEqual([lo, hi]);
  });
});
