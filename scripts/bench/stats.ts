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
