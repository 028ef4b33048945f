import type { EventsBatch, SnapshotPart } from '../protocol/page-messages';
import type { PanelMessage } from '../protocol/runtime-messages';
import type { MessageRecord, SocketRecord } from './socket-record';
import { socketId } from './socket-record';
import { applyToSummary, summaryFromCreated } from './apply-event';

export interface LogStoreOptions {
  /** Previews kept per socket; counts stay exact beyond it. */
  maxMessagesPerSocket: number;
}

/**
 * The one store every view reads. Live batches and snapshots both land here; per-document
 * sequence numbers make re-delivered events (after a resync) harmless.
 */
export class LogStore {
  readonly sockets = new Map<string, SocketRecord>();
  private readonly lastSeq = new Map<string, number>();
  /** Documents left behind by a navigation: their late events must not reappear. */
  private readonly retired = new Set<string>();
  /** Page-channel messages the extension refused for this tab (forged or malformed). */
  rejected = { count: 0, lastError: '' };
  /** Bumped on every change, so views can tell when to re-render. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: LogStoreOptions) {}

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  apply(m: PanelMessage): void {
    switch (m.type) {
      case 'events':
        if (!this.retired.has(m.batch.doc)) this.applyBatch(m.batch, m.frameId);
        return;
      case 'snapshot':
        if (!this.retired.has(m.part.doc)) this.applySnapshot(m.part, m.frameId);
        return;
      case 'navigated':
        this.navigated();
        return;
      case 'rejected':
        this.rejected = { count: m.count, lastError: m.lastError };
        this.changed();
        return;
    }
  }

  /** A new top-level document: like the Network panel without "Preserve log", start afresh. */
  navigated(): void {
    for (const s of this.sockets.values()) this.retired.add(s.doc);
    this.clear();
  }

  applyBatch(batch: Pick<EventsBatch, 'doc' | 'events'>, frameId: number): void {
    const { doc } = batch;
    let last = this.lastSeq.get(doc) ?? 0;
    for (const e of batch.events) {
      if (e.seq <= last) continue;
      last = e.seq;
      if (e.type === 'created') {
        this.sockets.set(socketId(doc, e.socket), { ...summaryFromCreated(doc, e), messages: [], frameId });
        continue;
      }
      const s = this.sockets.get(socketId(doc, e.socket));
      // Unknown socket: its creation predates what we were sent; the pending snapshot covers it.
      if (!s) continue;
      applyToSummary(s, e);
      if (e.type === 'message') this.keepPreview(s, e);
    }
    this.lastSeq.set(doc, last);
    this.changed();
  }

  /**
   * Merges a snapshot: summaries newer than what is held replace it (keeping held previews),
   * sockets the page has forgotten stay, and a socket gets only previews newer than its newest.
   */
  applySnapshot(part: Pick<SnapshotPart, 'doc' | 'lastSeq' | 'sockets' | 'messages'>, frameId: number): void {
    const known = this.lastSeq.get(part.doc) ?? 0;
    if (part.lastSeq >= known) {
      for (const summary of part.sockets) {
        const held = this.sockets.get(summary.id);
        this.sockets.set(summary.id, { ...summary, messages: held?.messages ?? [], frameId });
      }
      this.lastSeq.set(part.doc, part.lastSeq);
    }
    for (const m of part.messages) {
      const s = this.sockets.get(socketId(part.doc, m.socket));
      const newest = s?.messages[s.messages.length - 1]?.seq ?? 0;
      if (s && m.seq > newest) this.keepPreview(s, m);
    }
    this.changed();
  }

  clear(): void {
    this.sockets.clear();
    this.lastSeq.clear();
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  private keepPreview(s: SocketRecord, m: MessageRecord): void {
    const cap = this.options.maxMessagesPerSocket;
    s.messages.push(m);
    // Trim in chunks so a long stream costs amortised O(1) per message.
    if (s.messages.length > cap + Math.max(1, cap >> 3)) s.messages.splice(0, s.messages.length - cap);
  }
}
