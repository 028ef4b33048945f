import type { MessageRecord } from './socket-record';

/**
 * One socket's retained message previews, oldest first, dropping from the front in O(1).
 * `pushed` and `dropped` count over the socket's whole life, so a store-wide eviction queue can
 * tell whether an entry it holds was already dropped here.
 */
export class PreviewBuffer {
  private items: (MessageRecord | undefined)[] = [];
  private start = 0;
  pushed = 0;
  dropped = 0;
  /** UTF-16 units of preview text held: what the memory caps are measured in. */
  chars = 0;
  /** Set once its socket is gone from the store; its entries in eviction queues are void. */
  discarded = false;

  get length(): number {
    return this.items.length - this.start;
  }

  at(i: number): MessageRecord | undefined {
    return this.items[this.start + i];
  }

  last(): MessageRecord | undefined {
    return this.items[this.items.length - 1];
  }

  push(m: MessageRecord): void {
    this.items.push(m);
    this.pushed++;
    this.chars += m.preview?.length ?? 0;
  }

  dropOldest(n: number): void {
    for (let i = 0; i < n && this.length > 0; i++) {
      this.chars -= this.items[this.start]?.preview?.length ?? 0;
      this.items[this.start++] = undefined;
      this.dropped++;
    }
    // Compact once the dead prefix dominates, so each message is moved O(1) times on average;
    // an emptied buffer lets its array go (a thousand evicted sockets must not keep theirs).
    if (this.length === 0) {
      this.items = [];
      this.start = 0;
    } else if (this.start > 1024 && this.start * 2 > this.items.length) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
  }

  *[Symbol.iterator](): IterableIterator<MessageRecord> {
    for (let i = this.start; i < this.items.length; i++) {
      const m = this.items[i];
      if (m) yield m;
    }
  }
}
