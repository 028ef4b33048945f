import type { Backoff, Jitter, Outlier } from './backoff-shape';
import { backoffText } from './backoff-text';
import { NOISE_FLOOR_MS, deviation } from './fit';
import type { Point } from './fit';
import { candidates } from './shape-fits';
import type { Candidate } from './shape-fits';

/** Every gap below this: the client does not wait at all. */
export const IMMEDIATE_MS = 100;

/**
 * Two passes. A timer-driven schedule sits within 10% of its shape: the simplest shape that
 * fits that closely wins. A randomised one (socket.io-client's ±50%) is then fitted loosely,
 * where closeness counts too, so that a trend is not flattened into a noisy constant.
 */
const EXACT = 0.1;
const LOOSE = 0.6;
/** What a parameter or a left-out gap costs against spread, in the loose pass. */
const LOOSE_COST = 0.15;
/** Spread below this, or no gap off by a late timer's 100 ms, is timer noise, not jitter. */
const NOISE = 0.05;

interface Fit extends Candidate {
  outlier: Outlier | null;
  jitter: Jitter;
  /** The farthest a gap lies from the shape, in ms. */
  farthestMs: number;
  spread: number;
}

/** Names the shape of the delays between attempts, the way one would describe it in a bug. */
export function classifyBackoff(gaps: readonly number[]): Backoff {
  const points = gaps.map((gapMs, index) => ({ index, gapMs }));
  const first = points[0];
  const plain = { jitter: null, outlier: null };
  if (!first) return result({ shape: { kind: 'none' }, ...plain, nextMs: null });
  if (points.length === 1)
    return result({ shape: { kind: 'single', gapMs: first.gapMs }, ...plain, nextMs: first.gapMs });
  const longest = Math.max(...gaps);
  if (longest < IMMEDIATE_MS)
    return result({ shape: { kind: 'immediate', maxMs: longest }, ...plain, nextMs: longest });
  // At equal cost, a ramp by a rule says more than a ramp by none.
  const vague = (f: Fit) => (f.shape.kind === 'capped' ? 1 : 0);
  const exactFits = fits(points, EXACT, true);
  const exact = best(exactFits, EXACT, (f) => [cost(f), f.outlier ? 1 : 0, vague(f), f.spread]);
  // Two gaps that differ by more than timer noise show no shape, jittered or not.
  const loose = points.length >= 3 ? fits(points, LOOSE, false) : [];
  const fit = exact
    ? asExponential(exact, exactFits, points, EXACT)
    : best(loose, LOOSE, (f) => [f.spread + LOOSE_COST * cost(f)]);
  if (!fit) return result({ shape: { kind: 'irregular' }, ...plain, nextMs: longest });
  return result({
    shape: fit.shape,
    jitter: fit.spread < NOISE || fit.farthestMs < NOISE_FLOOR_MS ? null : fit.jitter,
    outlier: fit.outlier,
    nextMs: fit.model(points.length),
  });
}

/**
 * A line and a curve that never part by more than a late timer tell the same story, and a
 * slower timer on the middle gap can tip the fit to the line (a CI run read reconnecting-websocket's
 * ×1.3 from 1.2 s as linear). Backoff is exponential far more often than linear, so the curve
 * names it unless the gaps can tell them apart.
 */
function asExponential(fit: Fit, all: readonly Fit[], points: readonly Point[], tolerance: number): Fit {
  if (fit.shape.kind !== 'linear') return fit;
  const cap = fit.shape.capMs;
  const kept = points.filter((p) => p.index !== fit.outlier?.index);
  const twin = all.find(
    (f) =>
      f.shape.kind === 'exponential' &&
      f.shape.capMs === cap &&
      f.outlier?.index === fit.outlier?.index &&
      f.spread <= tolerance &&
      kept.every((p) => Math.abs(f.model(p.index) - fit.model(p.index)) < NOISE_FLOOR_MS),
  );
  return twin ?? fit;
}

function result(backoff: Omit<Backoff, 'text'>): Backoff {
  return { ...backoff, text: backoffText(backoff) };
}

/** Each shape over all the gaps, and over all but the first or the last when three remain. */
function fits(points: readonly Point[], tolerance: number, withSteps: boolean): Fit[] {
  const options: [Point[], Outlier | null][] = [[[...points], null]];
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length >= 4 && first && last) {
    options.push([points.slice(1), first], [points.slice(0, -1), last]);
  }
  return options.flatMap(([kept, outlier]) =>
    candidates(kept, tolerance, withSteps).map((c) => measure(c, kept, outlier)),
  );
}

function measure(candidate: Candidate, kept: readonly Point[], outlier: Outlier | null): Fit {
  const deviations = kept.map((p) => deviation(p, candidate.model));
  const low = Math.min(...deviations);
  const high = Math.max(...deviations);
  const farthestMs = Math.max(...kept.map((p) => Math.abs(p.gapMs - candidate.model(p.index))));
  return { ...candidate, outlier, jitter: { low, high }, spread: Math.max(-low, high), farthestMs };
}

function cost(fit: Fit): number {
  return fit.complexity + (fit.outlier ? 1 : 0);
}

function best(all: Fit[], tolerance: number, rank: (f: Fit) => number[]): Fit | undefined {
  return all
    .filter((f) => f.spread <= tolerance)
    .sort((a, b) => compare(rank(a), rank(b)))
    .at(0);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
