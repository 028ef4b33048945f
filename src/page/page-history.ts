import type { MessageRecord } from '../log/socket-record';
import type { MessageTuple } from '../protocol/page-messages';
import { BINARY_PREVIEW_BYTES, TEXT_PREVIEW_CHARS } from '../protocol/envelope';
import type { InterceptMark, RecorderEvent, UnsequencedEvent } from '../protocol/recorder-events';
import type { SocketSummary } from '../protocol/socket-summary';
import { applyToSummary, summaryFromCreated, trafficOf } from '../protocol/summary-fold';
import { utf8Length } from '../protocol/utf8';
import {
  ArrayBufferPrototypeGetByteLength,
  MapCtor,
  MapPrototypeDelete,
  MapPrototypeForEach,
  MapPrototypeGet,
  MapPrototypeGetSize,
  MapPrototypeHas,
  MapPrototypeSet,
  Uint8ArrayCtor,
} from '../primordials/primordials';
import { MessageRing } from './message-ring';
import type { Natives } from './natives';
import { describeBinary, textPreview } from './payload';

export interface HistoryLimits {
  /** Socket summaries kept; beyond it the oldest closed ones go (a late panel misses only those). */
  maxSockets: number;
  /** Message previews kept for a panel that opens late; the page's own heap stays small. */
  maxMessages: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxSockets: 10_000, maxMessages: 1_000 };

/**
 * The page-side record of one document: numbers every event, keeps each socket's exact summary,
 * and a ring of the newest messages, so a panel opened late (or reconnected after the service
 * worker was stopped) can be sent everything that happened before it.
 */
export class PageHistory {
  private seq = 0;
  private readonly sockets = new MapCtor<number, SocketSummary>();
  /** Made with the first message: a document without WebSockets pays nothing for it. */
  private ring: MessageRing | null = null;
  /** Blob previews still being read: a flush waits for them, a little. */
  pendingPreviews = 0;
  /** Called after each message is stored. */
  onMessage: (() => void) | null = null;

  constructor(
    readonly doc: string,
    private readonly natives: Natives,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  /** How many messages the ring holds at most: a live stream must flush before it wraps. */
  get ringCapacity(): number {
    return this.limits.maxMessages;
  }

  /** Numbers a lifecycle event and folds it into its socket's summary; returns it, complete. */
  record(u: Exclude<UnsequencedEvent, { type: 'message' }>): RecorderEvent {
    const e = { ...u, seq: ++this.seq } as RecorderEvent;
    if (e.type === 'created') {
      MapPrototypeSet(this.sockets, e.socket, summaryFromCreated(this.doc, e));
      if (MapPrototypeGetSize(this.sockets) > this.limits.maxSockets) this.evictOne();
      return e;
    }
    const s = MapPrototypeGet(this.sockets, e.socket);
    if (s) applyToSummary(s, e);
    return e;
  }

  /** The summary the recorder updates in place for each message of the socket. */
  summaryOf(socket: number): SocketSummary | undefined {
    return MapPrototypeGet(this.sockets, socket);
  }

  /**
   * One message the page sent or received, or the `tester` sent or injected: counted in its
   * summary (`s`, null once forgotten) and stored in the ring. Returns its sequence number, or 0
   * when `data` is no payload.
   */
  message(
    s: SocketSummary | null,
    socket: number,
    sent: boolean,
    t: number,
    data: unknown,
    tester = false,
  ): number {
    let size: number;
    let seq: number;
    if (typeof data === 'string') {
      size = utf8Length(data);
      seq = ++this.seq;
      const truncated = data.length > TEXT_PREVIEW_CHARS;
      const preview = truncated ? textPreview(data, TEXT_PREVIEW_CHARS) : data;
      this.ringOf().write(seq, socket, t, sent, 'string', size, preview, truncated, tester);
    } else {
      const b = typeof data === 'object' && data !== null ? describeBinary(data, this.natives) : null;
      if (b === null) return 0;
      size = b.size;
      seq = ++this.seq;
      const ring = this.ringOf();
      const slot = ring.write(
        seq,
        socket,
        t,
        sent,
        b.jsType,
        size,
        null,
        size > b.headLength || b.blob !== null,
        tester,
      );
      if (b.head !== null) ring.setHead(slot, seq, b.head, b.headLength);
      else if (b.blob !== null) this.readBlobHead(ring, slot, seq, b.blob);
    }
    if (s !== null) {
      const traffic = trafficOf(s, sent, tester);
      traffic.messages++;
      traffic.bytes += size;
    }
    if (this.onMessage !== null) this.onMessage();
    return seq;
  }

  /**
   * A message an interception rule took, recorded as message() records one, with the rule's mark.
   * The mark is set before the channel hears of the message: a flush it may start at once (the
   * ring about to wrap) carries the mark too.
   */
  intercepted(
    s: SocketSummary | null,
    socket: number,
    sent: boolean,
    t: number,
    data: unknown,
    mark: InterceptMark,
  ): void {
    const onMessage = this.onMessage;
    this.onMessage = null;
    try {
      const seq = this.message(s, socket, sent, t, data);
      if (seq !== 0) this.ringOf().markLast(seq, mark);
      if (seq !== 0 && s !== null) s.intercepted = (s.intercepted ?? 0) + 1;
    } finally {
      this.onMessage = onMessage;
    }
    if (onMessage !== null) onMessage();
  }

  summaries(): SocketSummary[] {
    const out: SocketSummary[] = [];
    MapPrototypeForEach(this.sockets, (s) => {
      out[out.length] = s;
    });
    return out;
  }

  /** Retained messages, oldest first, of sockets still known. */
  messages(): MessageRecord[] {
    const out: MessageRecord[] = [];
    const ring = this.ring;
    if (ring === null) return out;
    for (let i = 0; i < ring.length; i++) {
      const slot = ring.slotOf(i);
      if (MapPrototypeHas(this.sockets, ring.socketAt(slot))) out[out.length] = ring.record(slot);
    }
    return out;
  }

  /** Retained messages above `afterSeq`, oldest first, as a live batch carries them. */
  messageTuples(afterSeq: number): MessageTuple[] {
    const out: MessageTuple[] = [];
    const ring = this.ring;
    if (ring === null) return out;
    for (let i = 0; i < ring.length; i++) {
      const slot = ring.slotOf(i);
      if (ring.seqAt(slot) > afterSeq) out[out.length] = ring.tuple(slot);
    }
    return out;
  }

  private ringOf(): MessageRing {
    return (this.ring ??= new MessageRing(this.limits.maxMessages));
  }

  private readBlobHead(ring: MessageRing, slot: number, seq: number, blob: Blob): void {
    this.pendingPreviews++;
    this.natives.readBlobHead(blob, BINARY_PREVIEW_BYTES, (head) => {
      this.pendingPreviews--;
      if (head !== null)
        ring.setHead(slot, seq, new Uint8ArrayCtor(head), ArrayBufferPrototypeGetByteLength(head));
    });
  }

  private evictOne(): void {
    let victim: number | null = null;
    let oldest: number | null = null;
    MapPrototypeForEach(this.sockets, (s, n) => {
      oldest ??= n;
      if (victim === null && s.state === 'closed') victim = n;
    });
    // All open: drop the oldest anyway so the bound holds.
    const gone = victim ?? oldest;
    if (gone !== null) MapPrototypeDelete(this.sockets, gone);
  }
}
