import type { WireReport } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import { DEFAULT_PREVIEW_LIMITS } from './preview-limits';
import type { PreviewLimits } from './preview-limits';
import { SocketTable } from './socket-table';

/** A navigation kept in the log while "Preserve log" is on: drawn as a separator. */
export interface Navigation {
  readonly at: number;
  readonly url: string;
}

/** What the log knows of one document (one page load in one frame). */
export interface DocState {
  /** The newest event applied: re-delivered events (after a resync) are ignored. */
  readonly lastSeq: number;
  /** Highest socket number seen. */
  readonly maxSocket: number;
  /** The user cleared sockets up to this number: a resync must not bring them back. */
  readonly clearedUpTo: number;
  /** Left behind by a navigation without "Preserve log": its late events stay out. */
  readonly retired: boolean;
}

/** Counts every view shows, kept up to date socket by socket instead of recounted. */
export interface LogStats {
  readonly abnormal: number;
  readonly injected: number;
  /** Sockets not closed yet: the panel's clock ticks while there are any. */
  readonly alive: number;
}

/** Every preview kept, in arrival order across sockets: the oldest go first when over the caps. */
export class ArrivalQueue {
  readonly slots: number[] = [];
  readonly ordinals: number[] = [];
}

export interface PreviewBudgetState {
  readonly queue: ArrivalQueue;
  /** This version's part of the shared queue is [head, end). */
  readonly head: number;
  readonly end: number;
  /** Previews and their UTF-16 units held in all sockets together. */
  readonly count: number;
  readonly chars: number;
}

/** What changed from the version a log was made from: lets views update only that. */
export interface LogChanges {
  /** The version this one was made from, or null for a fresh start. */
  readonly from: number | null;
  readonly added: readonly number[];
  readonly updated: readonly number[];
}

/**
 * The log of one tab (or one imported file), as an immutable value: every message from the
 * background, and every user action on it, makes a new LogState.
 */
export interface LogState {
  /** Unique per version. */
  readonly version: number;
  readonly changes: LogChanges;
  /** Bumped whenever a socket's lifecycle (not its message counts) changes: reconnect views key on it. */
  readonly lifecycle: number;
  readonly sockets: SocketTable;
  /** Slots in creation order (ties: arrival order). */
  readonly order: readonly number[];
  readonly docs: ReadonlyMap<string, DocState>;
  readonly navigations: readonly Navigation[];
  /** Handshake reports waiting for their socket's `created` event (webRequest can be faster). */
  readonly pendingHandshakes: readonly HandshakeReport[];
  /** DevTools-protocol reports (deep capture) waiting for their socket, likewise. */
  readonly pendingWire: readonly WireReport[];
  /** Page-channel messages the extension refused for this tab (forged or malformed). */
  readonly rejected: { readonly count: number; readonly lastError: string };
  readonly preserveLog: boolean;
  /** While set, nothing new is recorded; sockets created in a pause never appear. */
  readonly pausedSince: number | null;
  readonly pauses: readonly (readonly [number, number])[];
  readonly limits: PreviewLimits;
  readonly budget: PreviewBudgetState;
  readonly stats: LogStats;
  /** For an imported log: when it was exported. Sockets alive then are measured to it, not to now. */
  readonly frozenAt: number | null;
}

let versions = 0;

/** A fresh number for a new version of any log. */
export function nextVersion(): number {
  return ++versions;
}

export const EMPTY_STATS: LogStats = { abnormal: 0, injected: 0, alive: 0 };

export function emptyBudget(): PreviewBudgetState {
  return { queue: new ArrivalQueue(), head: 0, end: 0, count: 0, chars: 0 };
}

export function emptyLog(limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS): LogState {
  return {
    version: nextVersion(),
    changes: { from: null, added: [], updated: [] },
    lifecycle: 0,
    sockets: SocketTable.empty(),
    order: [],
    docs: new Map(),
    navigations: [],
    pendingHandshakes: [],
    pendingWire: [],
    rejected: { count: 0, lastError: '' },
    preserveLog: false,
    pausedSince: null,
    pauses: [],
    limits,
    budget: emptyBudget(),
    stats: EMPTY_STATS,
    frozenAt: null,
  };
}
