import type { MessageRecord } from './socket-record';

/**
 * The previews of one socket, append-only and shared by every version of its log: a version
 * appends only past the end of all versions (it must be the newest), so nothing a version can
 * see ever changes.
 */
class PreviewStore {
  readonly items: MessageRecord[] = [];
  /** charsBefore[i]: UTF-16 units of preview text in items[0..i), so any range costs O(1). */
  readonly charsBefore: number[] = [0];

  /** @param base the lifetime ordinal of items[0]: previews dropped before this store was made. */
  constructor(readonly base: number) {}

  push(m: MessageRecord): void {
    this.items.push(m);
    this.charsBefore.push((this.charsBefore[this.charsBefore.length - 1] ?? 0) + (m.preview?.length ?? 0));
  }
}

/**
 * One socket's retained message previews, oldest first, as an immutable value: `append` and
 * `dropOldest` return a new log and leave this one as it was. Ordinals count previews over the
 * socket's whole life: the log holds ordinals `dropped` to `pushed - 1`.
 */
export class PreviewLog implements Iterable<MessageRecord> {
  private constructor(
    private readonly store: PreviewStore,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** One shared value for a socket without previews, as most sockets of a big log have none. */
  private static readonly EMPTY = new PreviewLog(new PreviewStore(0), 0, 0);

  static empty(): PreviewLog {
    return PreviewLog.EMPTY;
  }

  static of(messages: readonly MessageRecord[]): PreviewLog {
    let log = PreviewLog.empty();
    for (const m of messages) log = log.append(m);
    return log;
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Previews dropped so far: the ordinal of the oldest one held. */
  get dropped(): number {
    return this.store.base + this.start;
  }

  /** Previews ever kept: one past the ordinal of the newest one held. */
  get pushed(): number {
    return this.store.base + this.end;
  }

  /** UTF-16 units of preview text held: what the memory caps are measured in. */
  get chars(): number {
    return (this.store.charsBefore[this.end] ?? 0) - (this.store.charsBefore[this.start] ?? 0);
  }

  /** The i-th preview held, oldest first. */
  at(i: number): MessageRecord | undefined {
    return i >= 0 && i < this.length ? this.store.items[this.start + i] : undefined;
  }

  /** The preview with this lifetime ordinal, if still held. */
  atOrdinal(ordinal: number): MessageRecord | undefined {
    return this.at(ordinal - this.dropped);
  }

  last(): MessageRecord | undefined {
    return this.at(this.length - 1);
  }

  /** Identifies the storage this log shares with its other versions (for caches over it). */
  get storage(): object {
    return this.store;
  }

  append(m: MessageRecord): PreviewLog {
    if (this === PreviewLog.EMPTY) return new PreviewLog(new PreviewStore(0), 0, 0).append(m);
    if (this.end === this.store.items.length) {
      this.store.push(m);
      return new PreviewLog(this.store, this.start, this.end + 1);
    }
    // An older version grows a branch of its own: copy what it holds.
    const copy = this.copied();
    copy.store.push(m);
    return new PreviewLog(copy.store, 0, copy.end + 1);
  }

  dropOldest(n: number): PreviewLog {
    const start = this.start + Math.min(Math.max(n, 0), this.length);
    if (start === this.start) return this;
    const dropped = new PreviewLog(this.store, start, this.end);
    // Copied away once the dropped prefix is half of what is held: each copy costs at most twice
    // the drops it frees, so amortised O(1), and a store holds at most half as many dead records
    // as live ones. The total cap drains about fifty sockets at a time in a flood like the bench's,
    // so this bound is what the panel's heap swings by. A fixed minimum prefix here kept every
    // record of the sockets whose few previews the total cap took one by one: 120 MB per million
    // messages over 1,000 sockets.
    return start * 3 > this.store.items.length ? dropped.copied() : dropped;
  }

  *[Symbol.iterator](): Iterator<MessageRecord> {
    for (let i = this.start; i < this.end; i++) {
      const m = this.store.items[i];
      if (m) yield m;
    }
  }

  /** The same previews in a store of their own, so the dropped prefix can be freed. */
  private copied(): PreviewLog {
    const store = new PreviewStore(this.dropped);
    for (let i = this.start; i < this.end; i++) {
      const m = this.store.items[i];
      if (m) store.push(m);
    }
    return new PreviewLog(store, 0, store.items.length);
  }
}
