import type { Backoff, BackoffShape, Jitter, Outlier } from './backoff-shape';
import { formatDelay, formatFactor, formatPercent } from './delay-text';

export function backoffText({ shape, jitter, outlier }: Omit<Backoff, 'text'>): string {
  return [shapeText(shape), jitter && jitterText(jitter), outlier && outlierText(outlier)]
    .filter(Boolean)
    .join(', ');
}

export function shapeText(shape: BackoffShape): string {
  switch (shape.kind) {
    case 'none':
      return 'no reconnect';
    case 'single':
      return `one reconnect, after ${formatDelay(shape.gapMs)}`;
    case 'immediate':
      return 'reconnects immediately (no backoff)';
    case 'constant':
      return `constant: every ${formatDelay(shape.periodMs)}`;
    case 'linear':
      return `linear: from ${formatDelay(shape.firstMs)}, +${formatDelay(shape.stepMs)} each time${capText(shape.capMs)}`;
    case 'exponential':
      return `exponential: from ${formatDelay(shape.firstMs)}, ${formatFactor(shape.factor)} each time${capText(shape.capMs)}`;
    case 'capped':
      return `rises over ${shape.rampGaps} ${shape.rampGaps === 1 ? 'gap' : 'gaps'} to a cap of ${formatDelay(shape.capMs)}`;
    case 'stepped':
      return `stepped: ${shape.steps.map((s) => `${formatDelay(s.delayMs)} ×${s.count}`).join(', then ')}`;
    case 'irregular':
      return 'irregular delays';
  }
}

function capText(capMs: number | null): string {
  return capMs === null ? '' : `, capped at ${formatDelay(capMs)}`;
}

/** "jitter ±25%" when it spreads both ways about evenly, else its two ends. */
function jitterText({ low, high }: Jitter): string {
  const [lo, hi] = [Math.round(low * 100), Math.round(high * 100)];
  if (lo < 0 && hi > 0 && Math.abs(hi + lo) <= 5) return `jitter ±${Math.max(hi, -lo)}%`;
  return `jitter ${formatPercent(low)}…${formatPercent(high)}`;
}

function outlierText(o: Outlier): string {
  return `gap ${o.index + 1} (${formatDelay(o.gapMs)}) off the pattern`;
}
