import type { Backoff } from './reconnect/backoff-shape';
import { classifyBackoff } from './reconnect/classify-backoff';
import { matchLibraries } from './reconnect/library-match';
import type { LibraryMatch } from './reconnect/library-match';
import { neverCameBackVerdict } from './reconnect/never-came-back';
import type { NeverCameBackVerdict, NextRetry } from './reconnect/never-came-back';
import { stormVerdict } from './reconnect/storm';
import type { StormVerdict } from './reconnect/storm';
import type { SocketRecord } from './socket-record';

/** What grouping reads of a socket: the panel's records and the close log's sockets both have it. */
export interface Attempt {
  url: string;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
}

/**
 * An attempt that stayed open this long ends an outage: the clients named in the docs reset
 * their backoff once connected (reconnecting-websocket after 5 s up), so the next drop starts
 * their schedule over.
 */
export const SETTLED_MS = 5000;

/** The retries after one drop, until an attempt stayed up (or the history ended). */
export interface Outage {
  /** Index in `attempts` of the attempt whose close began it. */
  from: number;
  gaps: number[];
  backoff: Backoff;
  /** Libraries whose default schedule it fits, the most specific first. */
  libraries: LibraryMatch[];
}

/** Sockets to one endpoint, in creation order: one connection's history of attempts. */
export interface ConnectionGroup<S extends Attempt = SocketRecord> {
  /** origin + path: reconnecting clients often vary the query (session ids, tokens). */
  endpoint: string;
  attempts: S[];
  /** For each attempt, milliseconds from the previous attempt's close to its creation; null for
   * the first, and where they overlap (a socket made before the previous closed is no reconnect). */
  gapBefore: (number | null)[];
  /** The gaps that are there, in order. */
  gaps: number[];
  /** Most sockets to the endpoint open at the same time: >1 means parallel connections. */
  parallel: number;
  outages: Outage[];
  /** The shape of the latest outage's gaps: what the client does now. */
  backoff: Backoff;
  /** The latest outage's library matches. */
  libraries: LibraryMatch[];
  storm: boolean;
  stormVerdict: StormVerdict;
  neverCameBack: boolean;
  neverCameBackVerdict: NeverCameBackVerdict;
}

export interface GroupOptions {
  /** The clock of a live tab: the "never came back" flag waits for a retry still due. */
  now?: number;
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
export function groupConnections<S extends Attempt>(
  sockets: Iterable<S>,
  isAbnormal: (s: S) => boolean,
  options: GroupOptions = {},
): ConnectionGroup<S>[] {
  const byEndpoint = new Map<string, S[]>();
  for (const s of sockets) {
    const key = endpointOf(s.url);
    const list = byEndpoint.get(key);
    if (list) list.push(s);
    else byEndpoint.set(key, [s]);
  }
  return [...byEndpoint].map(([endpoint, list]) => group(endpoint, list, isAbnormal, options.now));
}

function group<S extends Attempt>(
  endpoint: string,
  list: S[],
  isAbnormal: (s: S) => boolean,
  now: number | undefined,
): ConnectionGroup<S> {
  const attempts = list.sort((a, b) => a.createdAt - b.createdAt);
  const gapBefore = attempts.map((s, i) => {
    const closed = attempts[i - 1]?.closedAt ?? null;
    return closed !== null && s.createdAt >= closed ? s.createdAt - closed : null;
  });
  const outages = splitOutages(attempts, gapBefore);
  const latest = outages[outages.length - 1];
  const stormCheck = stormVerdict(attempts.map((a) => a.createdAt));
  const last = attempts[attempts.length - 1];
  const lastClose = {
    closedAt: last?.closedAt ?? null,
    abnormal: last !== undefined && last.closedAt !== null && isAbnormal(last),
  };
  const lost = neverCameBackVerdict(lastClose, nextRetry(latest, last !== undefined && settled(last)), now);
  return {
    endpoint,
    attempts,
    gapBefore,
    gaps: gapBefore.filter((g) => g !== null),
    parallel: peakOverlap(attempts),
    outages,
    backoff: latest?.backoff ?? classifyBackoff([]),
    libraries: latest?.libraries ?? [],
    storm: stormCheck.storm,
    stormVerdict: stormCheck,
    neverCameBack: lost.neverCameBack,
    neverCameBackVerdict: lost,
  };
}

function settled(a: Attempt): boolean {
  return a.openedAt !== null && (a.closedAt ?? Infinity) - a.openedAt >= SETTLED_MS;
}

/** Gaps belong to the outage begun by the last settled attempt before them; overlaps to none. */
function splitOutages(attempts: readonly Attempt[], gapBefore: readonly (number | null)[]): Outage[] {
  const spans: { from: number; gaps: number[] }[] = [];
  gapBefore.forEach((gap, i) => {
    const before = attempts[i - 1];
    if (gap === null || !before) return;
    let span = spans[spans.length - 1];
    if (!span || settled(before)) spans.push((span = { from: i - 1, gaps: [] }));
    span.gaps.push(gap);
  });
  return spans.map((s) => ({ ...s, backoff: classifyBackoff(s.gaps), libraries: matchLibraries(s.gaps) }));
}

/**
 * When the client would retry after its last close: by its library's schedule, else by the
 * shape of its gaps; after a connection that had settled, as at the start of an outage.
 */
function nextRetry(latest: Outage | undefined, lastSettled: boolean): NextRetry {
  const library = latest?.libraries[0];
  if (!latest || lastSettled) {
    const first = library?.strategy.window(0, []);
    return { withinMs: first?.maxMs ?? latest?.gaps[0] ?? null, gaveUpAs: null };
  }
  if (library && library.next === null) return { withinMs: null, gaveUpAs: library.strategy.name };
  return { withinMs: library?.next?.maxMs ?? latest.backoff.nextMs, gaveUpAs: null };
}

function peakOverlap(attempts: readonly Attempt[]): number {
  const edges = attempts.flatMap((a) => [[a.createdAt, 1] as const, [a.closedAt ?? Infinity, -1] as const]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (open += step));
  return peak;
}
