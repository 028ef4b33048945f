import type { PreviewBuffer } from './preview-buffer';

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

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { perSocket: 100_000, total: 250_000, totalChars: 16_000_000 };

/** Store-wide eviction: a queue of (buffer, ordinal) in arrival order, oldest dropped first. */
export class PreviewBudget {
  private queue: [PreviewBuffer, number][] = [];
  private head = 0;
  private count = 0;
  private chars = 0;

  constructor(public limits: PreviewLimits) {}

  /** Call after `buffer.push(m)`: enforces the caps, dropping the oldest previews anywhere. */
  added(buffer: PreviewBuffer, chars: number): void {
    this.queue.push([buffer, buffer.pushed - 1]);
    this.count++;
    this.chars += chars;
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
    while ((this.count > this.limits.total || this.chars > this.limits.totalChars) && this.head < this.queue.length) {
      const [buffer, ordinal] = this.queue[this.head++]!;
      // Stale: dropped already by the per-socket cap, or its socket was cleared.
      if (buffer.discarded || ordinal < buffer.dropped) continue;
      this.dropFrom(buffer, 1);
    }
    // Entries made stale by per-socket drops would otherwise pile up under a steady stream.
    if (this.queue.length - this.head > 2 * this.count + 4096) {
      this.queue = this.queue.slice(this.head).filter(([b, ordinal]) => !b.discarded && ordinal >= b.dropped);
      this.head = 0;
    }
  }
}
