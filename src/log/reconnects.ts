import type { SocketRecord } from './socket-record';

/** Attempts within this window that make a reconnect storm. */
export const STORM = { attempts: 5, windowMs: 10_000 };

export type BackoffPattern = 'none' | 'immediate' | 'constant' | 'growing' | 'irregular';

/** Sockets to one endpoint, in creation order: one connection's history of attempts. */
export interface ConnectionGroup {
  /** origin + path: reconnecting clients often vary the query (session ids, tokens). */
  endpoint: string;
  attempts: SocketRecord[];
  /** For each attempt, milliseconds from the previous attempt's close to its creation; null for
   * the first, and where they overlap (a socket made before the previous closed is no reconnect). */
  gapBefore: (number | null)[];
  /** The gaps that are there, in order. */
  gaps: number[];
  /** Most sockets to the endpoint open at the same time: >1 means parallel connections. */
  parallel: number;
  backoff: BackoffPattern;
  /** Most attempts that started within any STORM.windowMs. */
  peakAttemptsInWindow: number;
  storm: boolean;
  /** The last attempt closed abnormally and nothing came after it. */
  neverCameBack: boolean;
}

/** Sockets to the same endpoint (origin and path) are attempts of one connection. */
export function endpointOf(url: string): string {
  const u = parseUrl(url);
  return u ? `${u.protocol}//${u.host}${u.pathname}` : url;
}

/** The path of an endpoint, for a short label; the whole text when it is no URL (an imported file can hold anything). */
export function endpointPath(endpoint: string): string {
  return parseUrl(endpoint)?.pathname ?? endpoint;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Groups sockets into connection histories. `isAbnormal` decides whether a close needed a
 * reconnect; it is passed in so this stays free of the close-code knowledge.
 */
export function groupConnections(
  sockets: Iterable<SocketRecord>,
  isAbnormal: (s: SocketRecord) => boolean,
): ConnectionGroup[] {
  const byEndpoint = new Map<string, SocketRecord[]>();
  for (const s of sockets) {
    const key = endpointOf(s.url);
    const list = byEndpoint.get(key);
    if (list) list.push(s);
    else byEndpoint.set(key, [s]);
  }
  return [...byEndpoint].map(([endpoint, list]) => {
    const attempts = list.sort((a, b) => a.createdAt - b.createdAt);
    const gapBefore = attempts.map((s, i) => {
      const closed = attempts[i - 1]?.closedAt ?? null;
      return closed !== null && s.createdAt >= closed ? s.createdAt - closed : null;
    });
    const gaps = gapBefore.filter((g) => g !== null);
    const peak = peakInWindow(
      attempts.map((a) => a.createdAt),
      STORM.windowMs,
    );
    const last = attempts[attempts.length - 1];
    return {
      endpoint,
      attempts,
      gapBefore,
      gaps,
      parallel: peakOverlap(attempts),
      backoff: classifyBackoff(gaps),
      peakAttemptsInWindow: peak,
      storm: peak >= STORM.attempts,
      neverCameBack: last !== undefined && last.state === 'closed' && isAbnormal(last),
    };
  });
}

/** Names the shape of the delays between attempts, the way one would describe it in a bug. */
export function classifyBackoff(gaps: number[]): BackoffPattern {
  if (gaps.length === 0) return 'none';
  if (gaps.every((g) => g < 100)) return 'immediate';
  if (gaps.length === 1) return 'constant';
  const max = Math.max(...gaps);
  if (max - Math.min(...gaps) <= Math.max(100, 0.2 * max)) return 'constant';
  // Exponential backoff with jitter and a cap: never shrinking much, and clearly longer at the end.
  const neverShrinks = gaps.every((g, i) => g >= (gaps[i - 1] ?? 0) * 0.8);
  const first = gaps[0] ?? 0;
  const last = gaps[gaps.length - 1] ?? 0;
  return neverShrinks && last >= 1.5 * first ? 'growing' : 'irregular';
}

function peakInWindow(times: number[], windowMs: number): number {
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    const endAt = times[end] ?? 0;
    while (endAt - (times[start] ?? endAt) > windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

function peakOverlap(attempts: SocketRecord[]): number {
  const edges = attempts.flatMap((a) => [[a.createdAt, 1] as const, [a.closedAt ?? Infinity, -1] as const]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (open += step));
  return peak;
}
