import { IMMEDIATE_MS } from './classify-backoff';
import { FIRST_GAP_LATE_MS, LIBRARY_STRATEGIES } from './library-strategies';
import type { DelayWindow, LibraryStrategy } from './library-strategies';

/** Fewer gaps fit too many schedules to name one. */
export const MIN_GAPS_TO_MATCH = 3;

/**
 * Timers fire late on a busy page, never early, but a client that polls (Action Cable) starts
 * its clock before the failed attempt's close. The first gap may be later still
 * (FIRST_GAP_LATE_MS).
 */
const SLACK = { fraction: 0.05, earlyMs: 50, lateMs: 200 };

export interface LibraryMatch {
  strategy: LibraryStrategy;
  /** Where the next gap would fall by the library's schedule; null when it has stopped retrying. */
  next: DelayWindow | null;
  /** "looks like socket.io-client's default: …" */
  text: string;
}

/**
 * The libraries whose default schedule every gap of the outage fits, the most specific
 * (narrowest windows) first.
 */
export function matchLibraries(gaps: readonly number[]): LibraryMatch[] {
  // A client that does not wait at all follows no library's default.
  if (gaps.length < MIN_GAPS_TO_MATCH || gaps.every((g) => g < IMMEDIATE_MS)) return [];
  const ranked: { match: LibraryMatch; width: number }[] = [];
  for (const strategy of LIBRARY_STRATEGIES) {
    let width = 0;
    const fits = gaps.every((gap, k) => {
      const w = strategy.window(k, gaps);
      if (!w) return false;
      const { minMs, maxMs } = widen(w, k === 0);
      width += Math.log((maxMs + 1) / (minMs + 1));
      return gap >= minMs && gap <= maxMs;
    });
    if (!fits) continue;
    const next = strategy.window(gaps.length, gaps);
    ranked.push({ match: { strategy, next, text: matchText(strategy) }, width });
  }
  return ranked.sort((a, b) => a.width - b.width).map((r) => r.match);
}

function widen({ minMs, maxMs }: DelayWindow, first: boolean): DelayWindow {
  return {
    minMs: Math.max(0, minMs * (1 - SLACK.fraction) - SLACK.earlyMs),
    maxMs: maxMs * (1 + SLACK.fraction) + (first ? FIRST_GAP_LATE_MS : SLACK.lateMs),
  };
}

function matchText(s: LibraryStrategy): string {
  return `looks like ${s.name}'s default: ${s.summary} (${s.pkg} ${s.version})`;
}
