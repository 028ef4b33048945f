import { BRAND, PROTOCOL_VERSION, pageHeader } from '../protocol/envelope';
import { isInjectCommand } from '../protocol/inject-command';
import { isInterceptCommand } from '../protocol/intercept-command';
import type { EventsBatchWire, MessageTuple, SnapshotPart } from '../protocol/page-messages';
import type { RecorderEvent } from '../protocol/recorder-events';
import { isSyncRequest } from '../protocol/sync-request';
import { ArraySlice, JSONParse, JSONStringify, MathCeil, MathMax } from '../primordials/primordials';
import type { Natives } from './natives';
import type { PageHistory } from './page-history';
import type { PageTransport } from './page-transport';
import type { RecorderControl } from './recorder';

/** Events per batch: keeps each message far below the relay's size limit. */
export const MAX_BATCH_EVENTS = 500;
/** Items (sockets or messages) per snapshot part. */
export const SNAPSHOT_PART_ITEMS = 500;
/** Under a steady stream, at most one flush per this many ms: one cross-world dispatch per flush. */
export const FLUSH_INTERVAL_MS = 50;
/** How long a flush may wait for Blob previews that are still being read. */
const MAX_PREVIEW_WAIT_MS = 250;

/**
 * Carries the recorder's events out as strings (the protocol header, then JSON) over its
 * transport (to the relay content script, or to a debugger session from a worker), and answers
 * sync requests with the whole retained history; passes the tester's fault controls to the
 * recorder.
 */
export class PageChannel {
  /** Lifecycle events not yet sent, in order; messages wait in the history's ring. */
  private queue: RecorderEvent[] = [];
  private scheduled = false;
  private lastFlush = -Infinity;
  private waitingSince: number | null = null;
  /** The newest message already streamed: the next flush streams the ring's newer ones. */
  private streamedSeq = 0;
  /** Messages in the ring not streamed yet. */
  private unstreamed = 0;
  /** The recorder, once installed: fault controls for this document's sockets go to it. */
  recorder: RecorderControl | null = null;
  /**
   * Whether a panel has asked for this document (a sync request). Until one has, messages stay
   * in the history only: the service worker drops page data of tabs without a panel, and the
   * first panel starts from the snapshot anyway, so streaming them would cost the page (and a CPU
   * the page shares) for nothing. Lifecycle events, few and cheap, always go out.
   */
  private live = false;

  constructor(
    private readonly history: PageHistory,
    private readonly natives: Natives,
    private readonly transport: PageTransport,
  ) {
    transport.listen((detail) => {
      try {
        if (typeof detail !== 'string') return;
        const request: unknown = JSONParse(detail);
        if (isSyncRequest(request)) {
          this.sendSnapshot();
          this.live = true;
        } else if (isInjectCommand(request) && request.doc === history.doc) this.recorder?.inject(request);
        else if (
          isInterceptCommand(request) &&
          (request.type !== 'hold-decision' || request.doc === history.doc)
        )
          this.recorder?.intercept(request);
      } catch {
        // A forged request from the page itself: ignore it.
      }
    });
    history.onMessage = () => {
      if (!this.live) return;
      // The ring is about to overwrite messages not streamed yet: send them now.
      if (++this.unstreamed >= history.ringCapacity) this.flushNow();
      else this.schedule();
    };
  }

  push(e: RecorderEvent): void {
    this.queue[this.queue.length] = e;
    this.schedule();
  }

  /** Sends what is queued now (page unload), without waiting for pending previews. */
  flushNow(): void {
    const lifecycle = this.queue;
    this.queue = [];
    this.lastFlush = this.natives.now();
    const messages = this.live ? this.history.messageTuples(this.streamedSeq) : [];
    this.streamedSeq = this.history.lastSeq;
    this.unstreamed = 0;
    // Batches of at most MAX_BATCH_EVENTS, each in sequence order across both lists.
    let i = 0;
    let j = 0;
    while (i < lifecycle.length || j < messages.length) {
      const batch: EventsBatchWire = {
        source: BRAND,
        v: PROTOCOL_VERSION,
        type: 'events',
        doc: this.history.doc,
        events: [],
        messages: [],
      };
      const events = batch.events;
      const tuples: MessageTuple[] = [];
      for (let n = 0; n < MAX_BATCH_EVENTS && (i < lifecycle.length || j < messages.length); n++) {
        const e = lifecycle[i];
        const m = messages[j];
        if (e !== undefined && (m === undefined || e.seq < m[0])) {
          events[events.length] = e;
          i++;
        } else if (m !== undefined) {
          tuples[tuples.length] = m;
          j++;
        }
      }
      batch.messages = tuples;
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
    const firstWithMessages = MathMax(0, MathCeil(sockets.length / n) - 1);
    const parts = firstWithMessages + MathMax(1, MathCeil(messages.length / n));
    for (let p = 0; p < parts; p++) {
      const q = p - firstWithMessages;
      const part: SnapshotPart = {
        source: BRAND,
        v: PROTOCOL_VERSION,
        type: 'snapshot',
        doc: this.history.doc,
        lastSeq: this.history.lastSeq,
        sockets: ArraySlice(sockets, p * n, (p + 1) * n),
        messages: q < 0 ? [] : ArraySlice(messages, q * n, (q + 1) * n),
      };
      this.send(part);
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = MathMax(0, this.lastFlush + FLUSH_INTERVAL_MS - this.natives.now());
    this.natives.setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    try {
      this.scheduled = false;
      const now = this.natives.now();
      if (this.history.pendingPreviews > 0) {
        this.waitingSince ??= now;
        if (now - this.waitingSince < MAX_PREVIEW_WAIT_MS) {
          this.scheduled = true;
          this.natives.setTimeout(() => this.tick(), 5);
          return;
        }
      }
      this.waitingSince = null;
      this.flushNow();
    } catch {
      // A timer callback's exception would reach the page's error handlers: lose the batch instead.
    }
  }

  private send(message: EventsBatchWire | SnapshotPart): void {
    this.transport.send(pageHeader(PROTOCOL_VERSION) + JSONStringify(message));
  }
}
