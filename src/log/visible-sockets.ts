import type { LogState } from './log-state';
import type { SocketFilter } from './socket-filter';
import { matchingOrdinals, parseCodes, socketMatches } from './socket-filter';

/** The sockets the filters let through, in creation order. */
export interface VisibleSockets {
  /** Slots of the log's socket table. */
  readonly slots: readonly number[];
  /** With a message search: how many retained previews of each shown socket match. */
  readonly matches: ReadonlyMap<number, number> | null;
  /** Whether the socket in `slot` is shown, in O(1). */
  has(slot: number): boolean;
}

function visibleSockets(
  slots: readonly number[],
  matches: ReadonlyMap<number, number> | null,
  shown: Uint8Array,
): VisibleSockets {
  return { slots, matches, has: (slot) => shown[slot] === 1 };
}

interface Memo {
  log: LogState;
  filter: SocketFilter;
  /** Per slot: 1 shown, 2 hidden, 0 not decided yet. */
  shown: Uint8Array;
  result: VisibleSockets;
}

/**
 * Filters the log, incrementally: when the log is the direct successor of the one filtered last
 * with the same filter, only the sockets it added or changed are tested again, and the list is
 * rebuilt only if one of them came or went. A socket streaming 20,000 messages a second among
 * 10,000 others costs one test per frame, not 10,000.
 */
export class VisibleSocketsSelector {
  private memo: Memo | null = null;

  select(log: LogState, filter: SocketFilter): VisibleSockets {
    const memo = this.memo;
    const result =
      memo && memo.filter === filter && log.changes.from === memo.log.version
        ? this.update(memo, log, filter)
        : this.full(log, filter);
    return result;
  }

  private full(log: LogState, filter: SocketFilter): VisibleSockets {
    const shown = new Uint8Array(Math.max(log.sockets.size, 16));
    const slots: number[] = [];
    const matches = filter.search.trim() ? new Map<number, number>() : null;
    const test = this.tester(log, filter, matches);
    for (const slot of log.order) {
      const pass = test(slot);
      shown[slot] = pass ? 1 : 2;
      if (pass) slots.push(slot);
    }
    const result = visibleSockets(slots, matches, shown);
    this.memo = { log, filter, shown, result };
    return result;
  }

  private update(memo: Memo, log: LogState, filter: SocketFilter): VisibleSockets {
    const matches = memo.result.matches && new Map(memo.result.matches);
    const test = this.tester(log, filter, matches);
    const changed = [...log.changes.added, ...log.changes.updated];
    const verdicts = changed.map((slot) => (test(slot) ? 1 : 2));
    const flipped = changed.some((slot, i) => memo.shown[slot] !== verdicts[i]);
    if (!flipped && !matches) {
      this.memo = { ...memo, log };
      return memo.result;
    }
    // Copied, not changed in place: an earlier result keeps answering for its own log.
    let shown = memo.shown;
    if (flipped) {
      shown = new Uint8Array(Math.max(log.sockets.size * 2, shown.length));
      shown.set(memo.shown);
      changed.forEach((slot, i) => (shown[slot] = verdicts[i] ?? 2));
    }
    const slots = flipped ? log.order.filter((slot) => shown[slot] === 1) : memo.result.slots;
    const result = visibleSockets(slots, matches, shown);
    this.memo = { log, filter, shown, result };
    return result;
  }

  private tester(
    log: LogState,
    filter: SocketFilter,
    matches: Map<number, number> | null,
  ): (slot: number) => boolean {
    const parsed = parseCodes(filter.codes);
    const codes = parsed.ok ? parsed.match : null;
    const search = filter.search.trim();
    return (slot) => {
      const s = log.sockets.get(slot);
      if (!s || !socketMatches(s, filter, codes)) return false;
      if (!matches) return true;
      const n = matchingOrdinals(s.messages, search).length;
      if (n === 0) return false;
      matches.set(slot, n);
      return true;
    };
  }
}
