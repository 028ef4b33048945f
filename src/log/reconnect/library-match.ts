import { formatDelay } from './delay-text';
import { LIBRARY_STRATEGIES } from './library-strategies';
import type { DelayWindow, LibraryStrategy } from './library-strategies';

/** Fewer gaps fit too many schedules to name one. */
export const MIN_GAPS_TO_MATCH = 3;

/** Timers fire late on a busy page, and a failed attempt takes a few ms of its own. */
const SLACK = { fraction: 0.05, ms: 100 };

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
  if (gaps.length < MIN_GAPS_TO_MATCH) return [];
  const ranked: { match: LibraryMatch; width: number }[] = [];
  for (const strategy of LIBRARY_STRATEGIES) {
    let width = 0;
    const fits = gaps.every((gap, k) => {
      const w = strategy.window(k, gaps);
      if (!w) return false;
      const { minMs, maxMs } = widen(w);
      width += Math.log((maxMs + 1) / (minMs + 1));
      return gap >= minMs && gap <= maxMs;
    });
    if (!fits) continue;
    const next = strategy.window(gaps.length, gaps);
    ranked.push({ match: { strategy, next, text: matchText(strategy) }, width });
  }
  return ranked.sort((a, b) => a.width - b.width).map((r) => r.match);
}

export function widen({ minMs, maxMs }: DelayWindow): DelayWindow {
  return {
    minMs: Math.max(0, minMs * (1 - SLACK.fraction) - SLACK.ms),
    maxMs: maxMs * (1 + SLACK.fraction) + SLACK.ms,
  };
}

function matchText(s: LibraryStrategy): string {
  return `looks like ${s.name}'s default: ${s.summary} (${s.pkg} ${s.version})`;
}

/** "5 s" or "0.5–1.5 s": a window as the view says it. */
export function windowText({ minMs, maxMs }: DelayWindow): string {
  return minMs === maxMs ? formatDelay(minMs) : `${formatDelay(minMs)}–${formatDelay(maxMs)}`;
}
