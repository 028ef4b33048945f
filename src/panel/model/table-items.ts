import type { LogState, Navigation } from '../../log/log-state';

export type TableItem = { kind: 'socket'; slot: number } | { kind: 'navigation'; nav: Navigation };

/**
 * The socket list's rows: the visible sockets in creation order, with a separator row at each
 * navigation kept by "Preserve log". Rows are computed on demand, so 200,000 sockets cost no
 * array of 200,000 row objects, only the binary searches that place the few separators.
 */
export interface TableItems {
  readonly length: number;
  at(index: number): TableItem | undefined;
  /** The row index of a visible socket, or -1. */
  indexOfSlot(slot: number): number;
}

export function tableItems(log: LogState, slots: readonly number[]): TableItems {
  const createdAt = (slot: number | undefined) =>
    slot === undefined ? Infinity : (log.sockets.get(slot)?.createdAt ?? Infinity);
  // For each navigation, how many visible sockets come before it (those created up to it).
  const before = log.navigations.map((nav) => {
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (createdAt(slots[mid]) < nav.at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  // Row index of navigation n: the sockets before it plus the n separators before it.
  const navRow = before.map((b, n) => b + n);
  return {
    length: slots.length + log.navigations.length,
    at(index) {
      let n = 0;
      while (n < navRow.length && (navRow[n] ?? Infinity) < index) n++;
      if (navRow[n] === index) {
        const nav = log.navigations[n];
        return nav && { kind: 'navigation', nav };
      }
      const slot = slots[index - n];
      return slot === undefined ? undefined : { kind: 'socket', slot };
    },
    indexOfSlot(slot) {
      const i = slots.indexOf(slot);
      if (i < 0) return -1;
      let n = 0;
      while (n < before.length && (before[n] ?? Infinity) <= i) n++;
      return i + n;
    },
  };
}
