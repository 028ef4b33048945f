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

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

export function makeScale(start: number, end: number, width: number, minTickPx = 90): TimelineScale {
  const span = Math.max(end - start, 1);
  const perPx = span / Math.max(width, 1);
  const step = STEPS.find((s) => s / perPx >= minTickPx) ?? STEPS[STEPS.length - 1]!;
  const x = (t: number) => ((t - start) / span) * width;
  const ticks: { t: number; x: number }[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push({ t, x: x(t) });
  return { start, end, width, x, ticks, step };
}

/** Messages per bin over [from, to]: what the timeline draws as density under each bar. */
export function densityBins(times: Iterable<number>, from: number, to: number, bins: number): number[] {
  const out = new Array<number>(Math.max(bins, 1)).fill(0);
  const span = Math.max(to - from, 1);
  for (const t of times) {
    if (t < from || t > to) continue;
    out[Math.min(out.length - 1, Math.floor(((t - from) / span) * out.length))]!++;
  }
  return out;
}
