/** A gap of an outage by its position: models predict gaps from the position alone. */
export interface Point {
  index: number;
  gapMs: number;
}

/** The gap a model predicts at a position. */
export type Model = (index: number) => number;

/**
 * Deviations of gaps below this are measured against it: a 10 ms timer that fires after 14 ms
 * is on time, not 40% late.
 */
export const NOISE_FLOOR_MS = 100;

/** How far a gap is from what the model says, as a fraction of the prediction. */
export function deviation(point: Point, model: Model): number {
  const expected = model(point.index);
  return (point.gapMs - expected) / Math.max(expected, NOISE_FLOOR_MS);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export interface Line {
  intercept: number;
  slope: number;
}

/** Least squares over (x, y) pairs; a flat line through the mean when x does not vary. */
export function fitLine(xs: readonly number[], ys: readonly number[]): Line {
  const n = Math.min(xs.length, ys.length);
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? meanX) - meanX;
    sxy += dx * ((ys[i] ?? meanY) - meanY);
    sxx += dx * dx;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}
