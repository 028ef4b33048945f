import type { BackoffShape, Step } from './backoff-shape';
import { NOISE_FLOOR_MS, fitLine, median } from './fit';
import type { Model, Point } from './fit';

/** A shape that might explain some gaps, with what it predicts and how much it assumes. */
export interface Candidate {
  shape: BackoffShape;
  model: Model;
  /** Parameters the shape needs: fewer is simpler. */
  complexity: number;
}

/** A growth factor below this is a constant delay with noise, not a backoff. */
const MIN_FACTOR = 1.05;
/** A ramp gap at 90% of the cap or more is at the cap. */
const BELOW_CAP = 0.9;

/**
 * Every shape that could describe the points, within `tolerance` (a fraction of each
 * predicted gap) where a shape's own structure depends on it (runs, ramps, caps).
 */
export function candidates(points: readonly Point[], tolerance: number, withSteps: boolean): Candidate[] {
  const found: Candidate[] = [];
  if (points.length >= 2) found.push(constant(points));
  if (points.length >= 3) found.push(...growth(points, null));
  found.push(...capped(points, tolerance));
  if (withSteps) found.push(...stepped(points, tolerance));
  return found;
}

function constant(points: readonly Point[]): Candidate {
  const periodMs = median(points.map((p) => p.gapMs));
  return { shape: { kind: 'constant', periodMs }, model: () => periodMs, complexity: 1 };
}

/** Linear and exponential growth fitted to the points, held at `capMs` when there is one. */
function growth(points: readonly Point[], capMs: number | null): Candidate[] {
  const xs = points.map((p) => p.index);
  const found: Candidate[] = [];
  const first = xs[0] ?? 0;
  const hold = (v: number) => (capMs === null ? v : Math.min(capMs, v));
  const complexity = capMs === null ? 2 : 3;

  const line = fitLine(
    xs,
    points.map((p) => p.gapMs),
  );
  if (line.slope > 0) {
    const at = (i: number) => line.intercept + line.slope * i;
    found.push({
      shape: { kind: 'linear', firstMs: at(first), stepMs: line.slope, capMs },
      model: (i) => hold(at(i)),
      complexity,
    });
  }
  // Exponential growth is a line through the logarithms; a 0 ms gap would be minus infinity.
  const log = fitLine(
    xs,
    points.map((p) => Math.log(Math.max(p.gapMs, 1))),
  );
  const factor = Math.exp(log.slope);
  if (factor >= MIN_FACTOR) {
    const at = (i: number) => Math.exp(log.intercept + log.slope * i);
    found.push({
      shape: { kind: 'exponential', firstMs: at(first), factor, capMs },
      model: (i) => hold(at(i)),
      complexity,
    });
  }
  return found;
}

/**
 * Gaps that rise, then hold at a ceiling for at least two gaps: for each place the ceiling may
 * start, the ramp before it by a rule when it is long enough to show one, and by none.
 */
function capped(points: readonly Point[], tolerance: number): Candidate[] {
  const found: Candidate[] = [];
  for (let split = 1; split <= points.length - 2; split++) {
    const ramp = points.slice(0, split);
    const capMs = median(points.slice(split).map((p) => p.gapMs));
    if (!rises(ramp, capMs, tolerance)) continue;
    if (ramp.length >= 3) found.push(...growth(ramp, capMs));
    const rampGaps = new Map(ramp.map((p) => [p.index, p.gapMs]));
    found.push({
      shape: { kind: 'capped', capMs, rampGaps: ramp.length },
      model: (i) => rampGaps.get(i) ?? capMs,
      complexity: 3,
    });
  }
  return found;
}

/**
 * Never shrinking by more than the tolerance, and clearly below the cap all the way: a gap
 * within 10% of the cap belongs to the ceiling, so the ceiling starts as early as it can.
 */
function rises(ramp: readonly Point[], capMs: number, tolerance: number): boolean {
  return ramp.every((p, i) => {
    const before = ramp[i - 1];
    return p.gapMs < capMs * BELOW_CAP && (!before || p.gapMs >= before.gapMs * (1 - tolerance));
  });
}

/**
 * Runs of equal delays, each longer than the one before: every run but the last holds at least
 * two gaps (the last may have just begun), and one holds three, or two jittered pairs would pass
 * for a schedule. A run is timer-exact: within half the tolerance, or a late timer's 100 ms.
 */
function stepped(points: readonly Point[], tolerance: number): Candidate[] {
  const runs: Point[][] = [];
  for (const p of points) {
    const run = runs[runs.length - 1];
    const level = run && median(run.map((q) => q.gapMs));
    if (
      run &&
      level !== undefined &&
      Math.abs(p.gapMs - level) <= Math.max((tolerance / 2) * level, NOISE_FLOOR_MS)
    ) {
      run.push(p);
    } else runs.push([p]);
  }
  if (
    runs.length < 2 ||
    runs.slice(0, -1).some((run) => run.length < 2) ||
    runs.every((run) => run.length < 3)
  ) {
    return [];
  }
  const steps: Step[] = runs.map((run) => ({ delayMs: median(run.map((p) => p.gapMs)), count: run.length }));
  if (steps.some((s, i) => i > 0 && s.delayMs <= (steps[i - 1]?.delayMs ?? 0) * (1 + tolerance))) return [];
  const level = new Map(
    runs.flatMap((run, r) => run.map((p) => [p.index, steps[r]?.delayMs ?? p.gapMs] as const)),
  );
  const lastLevel = steps[steps.length - 1]?.delayMs ?? 0;
  return [
    { shape: { kind: 'stepped', steps }, model: (i) => level.get(i) ?? lastLevel, complexity: steps.length },
  ];
}
