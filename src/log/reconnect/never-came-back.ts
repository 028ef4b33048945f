import { formatDelay } from './delay-text';

/**
 * In a live tab a client may still be waiting for its next retry: the flag waits for the
 * client's own next delay, stretched by `slack` and `extraMs` (late timers, a slow attempt).
 * When nothing tells that delay (no retry seen, no library recognised) it waits
 * `unknownPaceMs`: longer than any first retry of the libraries named (Action Cable's
 * monitor reopens within 18 s).
 */
export const NEVER_CAME_BACK = { slack: 0.25, extraMs: 1000, unknownPaceMs: 30_000 } as const;

export const NEVER_CAME_BACK_DEFINITION =
  'the last attempt closed abnormally and no attempt followed: in a saved log, at once; in a live tab, once the ' +
  `client's own next delay has passed by a quarter more and ${NEVER_CAME_BACK.extraMs / 1000} s (${
    NEVER_CAME_BACK.unknownPaceMs / 1000
  } s when its pace is unknown), or at once when its library's schedule has no retry left`;

export interface NeverCameBackVerdict {
  neverCameBack: boolean;
  /** The last attempt closed abnormally, but the client's next retry may still come. */
  waiting: boolean;
  /** The recognised library's schedule has no retry left (SignalR after 4, graphql-ws after 5). */
  gaveUp: boolean;
  /** From the last close to `now`; null for a log that ends there. */
  silentMs: number | null;
  /** How long after the close the flag is raised in a live tab; null when it is raised at once. */
  dueMs: number | null;
  text: string;
}

export interface LastClose {
  closedAt: number | null;
  abnormal: boolean;
}

/** What the client's pace says about its next retry after the last close. */
export interface NextRetry {
  /** The longest the client should wait, by its library's schedule or its backoff's shape; null: unknown. */
  withinMs: number | null;
  /** The library whose schedule has no retry left, when that is why none came. */
  gaveUpAs: string | null;
}

/** Without `now` the log is taken as finished: a saved file, or a test that has ended. */
export function neverCameBackVerdict(last: LastClose, next: NextRetry, now?: number): NeverCameBackVerdict {
  const { closedAt } = last;
  if (closedAt === null || !last.abnormal) {
    return { neverCameBack: false, waiting: false, gaveUp: false, silentMs: null, dueMs: null, text: '' };
  }
  const gaveUp = next.gaveUpAs !== null;
  const dueMs = gaveUp
    ? null
    : next.withinMs === null
      ? NEVER_CAME_BACK.unknownPaceMs
      : next.withinMs * (1 + NEVER_CAME_BACK.slack) + NEVER_CAME_BACK.extraMs;
  const silentMs = now === undefined ? null : Math.max(0, now - closedAt);
  const waiting = silentMs !== null && dueMs !== null && silentMs < dueMs;
  return {
    neverCameBack: !waiting,
    waiting,
    gaveUp,
    silentMs,
    dueMs,
    text: verdictText(silentMs, dueMs, waiting, next),
  };
}

function verdictText(
  silentMs: number | null,
  dueMs: number | null,
  waiting: boolean,
  next: NextRetry,
): string {
  if (dueMs === null)
    return `the last attempt closed abnormally; ${next.gaveUpAs}'s default schedule has no retry left`;
  const due = formatDelay(dueMs);
  if (silentMs === null) return 'the last attempt closed abnormally and nothing followed';
  if (waiting)
    return `the last attempt closed abnormally ${formatDelay(silentMs)} ago; a retry is due within ${due} of it`;
  return `no attempt for ${formatDelay(silentMs)} after an abnormal close; a retry was due within ${due}`;
}
