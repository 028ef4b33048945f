/** Median and range of a sample: what the benchmark table prints for every figure. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  // Indexes within 0..length-1 of a non-empty array: `?? NaN` never applies.
  const at = (i: number) => sorted[i] ?? NaN;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1) };
}

/**
 * A 95% confidence interval of the median, by bootstrap: the median of `values` resampled with
 * replacement, 2,000 times; the 2.5th and 97.5th percentiles of those. Seeded, so a rerun of the
 * same figures prints the same interval.
 */
export function medianInterval(values: readonly number[], iterations = 2000): [number, number] {
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: small, fast, and deterministic.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const medians = Array.from(
    { length: iterations },
    () => spread(Array.from(values, () => values[Math.floor(random() * values.length)] ?? NaN)).median,
  ).sort((a, b) => a - b);
  const at = (q: number) => medians[Math.min(medians.length - 1, Math.floor(q * medians.length))] ?? NaN;
  return [at(0.025), at(0.975)];
}
