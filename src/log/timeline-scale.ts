/** A time axis: epoch ms to pixels, with round-numbered ticks. */
export interface TimelineScale {
  start: number;
  end: number;
  width: number;
  x(t: number): number;
  ticks: { t: number; x: number }[];
  /** Tick spacing in ms; labels show milliseconds below one second. */
  step: number;
}

const STEPS: readonly [number, ...number[]] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 1_800_000, 3_600_000,
];

export function makeScale(start: number, end: number, width: number, minTickPx = 90): TimelineScale {
  const span = Math.max(end - start, 1);
  const perPx = span / Math.max(width, 1);
  const step = STEPS.find((s) => s / perPx >= minTickPx) ?? Math.max(...STEPS);
  const x = (t: number) => ((t - start) / span) * width;
  const ticks: { t: number; x: number }[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push({ t, x: x(t) });
  return { start, end, width, x, ticks, step };
}

/**
 * Messages per bin over [from, to]: what the timeline draws as density under each bar. Times
 * come in ascending order (`timeAt(i)`, i < count: a socket's previews are), so each bin is two
 * binary searches, not a walk over all of a busy socket's messages on every render.
 */
export function densityBins(
  count: number,
  timeAt: (i: number) => number,
  from: number,
  to: number,
  bins: number,
): number[] {
  const n = Math.max(bins, 1);
  const span = Math.max(to - from, 1);
  // A time's bin: -1 before `from`, n after `to`; it never decreases along ascending times.
  const binOf = (t: number) =>
    t < from ? -1 : t > to ? n : Math.min(n - 1, Math.floor(((t - from) / span) * n));
  const firstInBinOrAfter = (k: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (binOf(timeAt(mid)) < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = new Array<number>(n);
  let start = firstInBinOrAfter(0);
  for (let k = 0; k < n; k++) {
    const end = firstInBinOrAfter(k + 1);
    out[k] = end - start;
    start = end;
  }
  return out;
}
