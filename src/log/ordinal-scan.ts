/** What one incremental search found so far. */
interface Scan {
  needle: string;
  /** Ordinals below this were tested. */
  scanned: number;
  ordinals: number[];
}

/**
 * Searches in a socket's previews by lifetime ordinal, remembered per key (a preview store, a
 * decoding), so each preview is tested once per search text, not on every render of a live
 * stream; the answer is for the previews `held` holds.
 */
export class OrdinalScans {
  private readonly scans = new WeakMap<object, Scan>();

  find(
    key: object,
    needle: string,
    held: { readonly dropped: number; readonly pushed: number },
    upTo: number,
    test: (ordinal: number) => boolean,
  ): readonly number[] {
    let hit = this.scans.get(key);
    if (!hit || hit.needle !== needle) this.scans.set(key, (hit = { needle, scanned: 0, ordinals: [] }));
    for (let o = Math.max(hit.scanned, held.dropped); o < upTo; o++) if (test(o)) hit.ordinals.push(o);
    hit.scanned = Math.max(hit.scanned, upTo);
    // The key is shared by versions that dropped different prefixes: answer for this one.
    const from = lowerBound(hit.ordinals, held.dropped);
    const to = lowerBound(hit.ordinals, held.pushed);
    return from === 0 && to === hit.ordinals.length ? hit.ordinals : hit.ordinals.slice(from, to);
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
