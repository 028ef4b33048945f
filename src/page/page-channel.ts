import { BRAND, PAGE_TO_RELAY, PROTOCOL_VERSION, RELAY_TO_PAGE } from '../protocol/envelope';
import type { EventsBatch, SnapshotPart } from '../protocol/page-messages';
import { isSyncRequest } from '../protocol/sync-request';
import { isInjectCommand } from '../protocol/inject-command';
import type { RecorderControl } from './recorder';
import type { RecorderEvent } from '../protocol/recorder-events';
import type { Natives } from './natives';
import type { PageHistory } from './page-history';

/** Events per batch: keeps each message far below the relay's size limit. */
export const MAX_BATCH_EVENTS = 500;
/** Items (sockets or messages) per snapshot part. */
export const SNAPSHOT_PART_ITEMS = 500;
/** Under a steady stream, at most one flush per this many ms: one cross-world dispatch per flush. */
export const FLUSH_INTERVAL_MS = 50;
/** How long a flush may wait for Blob previews that are still being read. */
const MAX_PREVIEW_WAIT_MS = 250;

/**
 * Carries the recorder's events to the relay content script as JSON strings on a DOM event, and
 * answers the relay's sync requests with the whole retained history; passes the tester's fault
 * controls to the recorder. A CustomEvent on `document` rather than `window.postMessage`,
 * because the page's own `message` listeners would see that.
 */
export class PageChannel {
  private queue: RecorderEvent[] = [];
  private scheduled = false;
  private lastFlush = -Infinity;
  private pendingPreviews = 0;
  private waitingSince: number | null = null;
  /** The recorder, once installed: fault controls for this document's sockets go to it. */
  recorder: RecorderControl | null = null;
  /**
   * Whether a panel has asked for this document (a sync request). Until one has, message events
   * stay in the history only: the service worker drops page data of tabs without a panel, and
   * the first panel starts from the snapshot anyway, so streaming them would cost the page (and
   * a CPU the page shares) for nothing. Lifecycle events, few and cheap, always go out.
   */
  private live = false;

  constructor(
    private readonly history: PageHistory,
    private readonly natives: Natives,
  ) {
    natives.listen(RELAY_TO_PAGE, (detail) => {
      try {
        if (typeof detail !== 'string') return;
        const request: unknown = natives.parse(detail);
        if (isSyncRequest(request)) {
          this.sendSnapshot();
          this.live = true;
        } else if (isInjectCommand(request) && request.doc === history.doc) this.recorder?.inject(request);
      } catch {
        // A forged request from the page itself: ignore it.
      }
    });
  }

  push(e: RecorderEvent): void {
    if (!this.live && e.type === 'message') return;
    this.queue[this.queue.length] = e;
    this.schedule();
  }

  /** A Blob preview is being read; the flush that would carry its event waits for it. */
  previewStarted(): void {
    this.pendingPreviews++;
  }

  previewDone(): void {
    this.pendingPreviews--;
  }

  /** Sends what is queued now (page unload), without waiting for pending previews. */
  flushNow(): void {
    const events = this.queue;
    this.queue = [];
    this.lastFlush = this.natives.now();
    for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS) {
      const batch: EventsBatch = {
        source: BRAND,
        v: PROTOCOL_VERSION,
        type: 'events',
        doc: this.history.doc,
        events: events.slice(i, i + MAX_BATCH_EVENTS),
      };
      this.send(batch);
    }
  }

  sendSnapshot(): void {
    this.flushNow();
    const sockets = this.history.summaries();
    const messages = this.history.messages();
    const n = SNAPSHOT_PART_ITEMS;
    // Messages start in the part with the last sockets: a reader attaches each message to a
    // socket it already holds, and drops one whose socket it has not seen.
    const firstWithMessages = Math.max(0, Math.ceil(sockets.length / n) - 1);
    const parts = firstWithMessages + Math.max(1, Math.ceil(messages.length / n));
    for (let p = 0; p < parts; p++) {
      const q = p - firstWithMessages;
      const part: SnapshotPart = {
        source: BRAND,
        v: PROTOCOL_VERSION,
        type: 'snapshot',
        doc: this.history.doc,
        lastSeq: this.history.lastSeq,
        sockets: sockets.slice(p * n, (p + 1) * n),
        messages: q < 0 ? [] : messages.slice(q * n, (q + 1) * n),
      };
      this.send(part);
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastFlush + FLUSH_INTERVAL_MS - this.natives.now());
    this.natives.setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    this.scheduled = false;
    const now = this.natives.now();
    if (this.pendingPreviews > 0) {
      this.waitingSince ??= now;
      if (now - this.waitingSince < MAX_PREVIEW_WAIT_MS) {
        this.scheduled = true;
        this.natives.setTimeout(() => this.tick(), 5);
        return;
      }
    }
    this.waitingSince = null;
    this.flushNow();
  }

  private send(message: EventsBatch | SnapshotPart): void {
    this.natives.dispatch(PAGE_TO_RELAY, this.natives.stringify(message));
  }
}
