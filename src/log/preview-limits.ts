import type { PreviewBuffer } from './preview-buffer';
import type { MessageRecord } from './socket-record';

/**
 * Caps on message previews held by the panel. Counts and byte totals stay exact beyond them;
 * only the oldest previews go. Per socket, so one chatty socket cannot starve the others; in
 * total, so a thousand sockets cannot exhaust the panel.
 */
export interface PreviewLimits {
  perSocket: number;
  total: number;
  /** Preview text held in total, in UTF-16 units (about two bytes each). */
  totalChars: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  perSocket: 100_000,
  total: 250_000,
  totalChars: 16_000_000,
};

/**
 * Store-wide eviction: a queue of (buffer, ordinal) in arrival order, oldest dropped first, kept
 * as two parallel arrays so a message costs no allocation of its own.
 */
export class PreviewBudget {
  private buffers: PreviewBuffer[] = [];
  private ordinals: number[] = [];
  private head = 0;
  private count = 0;
  private chars = 0;

  constructor(public limits: PreviewLimits) {}

  /** Keeps `m` in `buffer` and enforces the caps, dropping the oldest previews anywhere. */
  keep(buffer: PreviewBuffer, m: MessageRecord): void {
    const chars = buffer.chars;
    buffer.push(m);
    this.buffers.push(buffer);
    this.ordinals.push(buffer.pushed - 1);
    this.count++;
    this.chars += buffer.chars - chars;
    if (buffer.length > this.limits.perSocket) this.dropFrom(buffer, buffer.length - this.limits.perSocket);
    this.enforceTotal();
  }

  /** Applies new limits at once. */
  setLimits(limits: PreviewLimits, buffers: Iterable<PreviewBuffer>): void {
    this.limits = limits;
    for (const b of buffers) if (b.length > limits.perSocket) this.dropFrom(b, b.length - limits.perSocket);
    this.enforceTotal();
  }

  /** A buffer left the store: its previews no longer count. */
  discard(buffer: PreviewBuffer): void {
    buffer.discarded = true;
    this.count -= buffer.length;
    this.chars -= buffer.chars;
  }

  private dropFrom(buffer: PreviewBuffer, n: number): void {
    const before = buffer.chars;
    const length = buffer.length;
    buffer.dropOldest(n);
    this.count -= length - buffer.length;
    this.chars -= before - buffer.chars;
  }

  private enforceTotal(): void {
    while (
      (this.count > this.limits.total || this.chars > this.limits.totalChars) &&
      this.head < this.buffers.length
    ) {
      const buffer = this.buffers[this.head];
      const ordinal = this.ordinals[this.head++] ?? -1;
      // Stale: dropped already by the per-socket cap, or its socket was cleared.
      if (!buffer || buffer.discarded || ordinal < buffer.dropped) continue;
      this.dropFrom(buffer, 1);
    }
    // Compact when the consumed head dominates (its entries still hold their buffers), or when
    // entries made stale by per-socket drops pile up under a steady stream.
    const live = this.buffers.length - this.head;
    if ((this.head > 4096 && this.head > live) || live > 2 * this.count + 4096) {
      const buffers: PreviewBuffer[] = [];
      const ordinals: number[] = [];
      for (let i = this.head; i < this.buffers.length; i++) {
        const b = this.buffers[i];
        const ordinal = this.ordinals[i] ?? -1;
        if (!b || b.discarded || ordinal < b.dropped) continue;
        buffers.push(b);
        ordinals.push(ordinal);
      }
      this.buffers = buffers;
      this.ordinals = ordinals;
      this.head = 0;
    }
  }
}
