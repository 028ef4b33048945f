import type { MessageRecord } from '../log/socket-record';
import { applyToSummary, summaryFromCreated } from '../log/apply-event';
import type { RecorderEvent, UnsequencedEvent } from '../protocol/recorder-events';
import type { SocketSummary } from '../protocol/socket-summary';

export interface HistoryLimits {
  /** Socket summaries kept; beyond it the oldest closed ones go (a late panel misses only those). */
  maxSockets: number;
  /** Message previews kept for a panel that opens late; the page's own heap stays small. */
  maxMessages: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxSockets: 10_000, maxMessages: 1_000 };

/**
 * The page-side record of one document: numbers every event, keeps each socket's exact summary,
 * and a bounded ring of recent message previews, so a panel opened late (or reconnected after the
 * service worker was stopped) can be sent everything that happened before it.
 */
export class PageHistory {
  private seq = 0;
  private readonly sockets = new Map<number, SocketSummary>();
  private readonly ring: (MessageRecord | undefined)[];
  private ringNext = 0;

  constructor(
    readonly doc: string,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    this.ring = new Array<MessageRecord | undefined>(limits.maxMessages);
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Numbers the event in place (callers may still fill in a Blob preview) and folds it into the
   * history; returns it, now a complete event.
   */
  record(u: UnsequencedEvent): RecorderEvent {
    const e = u as RecorderEvent;
    e.seq = ++this.seq;
    if (e.type === 'created') {
      this.sockets.set(e.socket, summaryFromCreated(this.doc, e));
      if (this.sockets.size > this.limits.maxSockets) this.evictOne();
      return e;
    }
    const s = this.sockets.get(e.socket);
    if (s) applyToSummary(s, e);
    if (e.type === 'message' && this.ring.length > 0) {
      this.ring[this.ringNext] = e;
      this.ringNext = (this.ringNext + 1) % this.ring.length;
    }
    return e;
  }

  summaries(): SocketSummary[] {
    return [...this.sockets.values()];
  }

  /** Retained previews, oldest first, of sockets still in the history. */
  messages(): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const m = this.ring[(this.ringNext + i) % this.ring.length];
      if (m && this.sockets.has(m.socket)) out.push(m);
    }
    return out;
  }

  private evictOne(): void {
    for (const [n, s] of this.sockets) {
      if (s.state === 'closed') {
        this.sockets.delete(n);
        return;
      }
    }
    // All open: drop the oldest anyway so the bound holds.
    const oldest = this.sockets.keys().next();
    if (!oldest.done) this.sockets.delete(oldest.value);
  }
}
