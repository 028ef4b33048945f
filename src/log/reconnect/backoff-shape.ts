/** The shape of the delays a client waits between attempts, with the numbers that make it. */
export type BackoffShape =
  | { kind: 'none' }
  | { kind: 'single'; gapMs: number }
  | { kind: 'immediate'; maxMs: number }
  | { kind: 'constant'; periodMs: number }
  | { kind: 'linear'; firstMs: number; stepMs: number; capMs: number | null }
  | { kind: 'exponential'; firstMs: number; factor: number; capMs: number | null }
  /** Rises by no simple rule (or too few gaps to tell one), then holds at a ceiling. */
  | { kind: 'capped'; capMs: number; rampGaps: number }
  | { kind: 'stepped'; steps: Step[] }
  | { kind: 'irregular' };

export type BackoffKind = BackoffShape['kind'];

/** A run of equal delays in a stepped schedule. */
export interface Step {
  delayMs: number;
  count: number;
}

/**
 * How far the gaps the shape explains lie from it, as fractions of the predicted gap: a
 * client's jitter, or a schedule that follows the shape only roughly.
 */
export interface Jitter {
  low: number;
  high: number;
}

/** A gap left out of the fit: the first (an immediate first retry) or the last (cut short). */
export interface Outlier {
  index: number;
  gapMs: number;
}

export interface Backoff {
  shape: BackoffShape;
  /** Null when every explained gap is within timer noise of the shape. */
  jitter: Jitter | null;
  outlier: Outlier | null;
  /** The gap the shape predicts after the last one seen: when a retry is due. Null without gaps. */
  nextMs: number | null;
  /** One line for a table cell: the shape with its numbers. */
  text: string;
}
