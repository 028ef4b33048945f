import { isAbnormal } from '../close-codes/is-abnormal';
import type { WireReport, WorkerInfo } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import type { EventsBatch, SnapshotPart } from '../protocol/page-messages';
import type { SocketSummary } from '../protocol/socket-summary';
import { applyToSummary, socketId, summaryFromCreated } from '../protocol/summary-fold';
import { matchHandshake } from './handshake-match';
import { matchWire } from './wire-match';
import { ArrivalQueue, EMPTY_STATS, nextVersion } from './log-state';
import type { DocState, LogState, LogStats, Navigation, PreviewBudgetState } from './log-state';
import { PreviewLog } from './preview-log';
import type { PreviewLimits } from './preview-limits';
import type { FileAppFacts, MessageRecord, SocketRecord } from './socket-record';
import { SocketTable } from './socket-table';
import type { SocketTableDraft } from './socket-table';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A record being changed within one transaction; it becomes immutable when committed. */
type DraftRecord = Mutable<SocketRecord> & {
  sent: Mutable<SocketSummary['sent']>;
  received: Mutable<SocketSummary['received']>;
  tester: SocketSummary['tester'];
};

/** Handshake reports kept while their socket has not shown up. */
const MAX_PENDING_HANDSHAKES = 200;
/** The shared arrival queue is copied down when its consumed head dominates it. */
const QUEUE_COMPACT_AFTER = 4096;

/** A socket, as imported from a file: everything the log holds of it. */
export interface LoadedSocket {
  summary: SocketSummary;
  frameId: number;
  handshake: HandshakeReport | null;
  worker: WorkerInfo | null;
  wire: WireReport | null;
  messages: readonly MessageRecord[];
  fromFile?: FileAppFacts;
}

/**
 * Changes to a log, applied in order and committed as one new version: everything that arrives
 * from the background within one animation frame goes through one transaction, so the views
 * see one new state, and unchanged sockets, chunks and previews are shared with the old one.
 */
export class LogTransaction {
  private table: SocketTableDraft;
  private order: number[] | null = null;
  private docs: Map<string, DocState> | null = null;
  private navigations: readonly Navigation[];
  private pendingHandshakes: readonly HandshakeReport[];
  private pendingWire: readonly WireReport[];
  private rejected: LogState['rejected'];
  private preserveLog: boolean;
  private pausedSince: number | null;
  private pauses: readonly (readonly [number, number])[];
  private limits: PreviewLimits;
  private budget: Mutable<PreviewBudgetState>;
  private stats: Mutable<LogStats>;
  private frozenAt: number | null;
  private readonly drafts = new Map<number, DraftRecord>();
  private added: number[] = [];
  private lifecycleChanged = false;
  /** Cleared within this transaction: nothing of the base log is left. */
  private fresh = false;
  private touched = false;

  constructor(private readonly base: LogState) {
    this.table = base.sockets.edit();
    this.navigations = base.navigations;
    this.pendingHandshakes = base.pendingHandshakes;
    this.pendingWire = base.pendingWire;
    this.rejected = base.rejected;
    this.preserveLog = base.preserveLog;
    this.pausedSince = base.pausedSince;
    this.pauses = base.pauses;
    this.limits = base.limits;
    this.budget = { ...base.budget };
    this.stats = { ...base.stats };
    this.frozenAt = base.frozenAt;
  }

  /** Live events of one document, in sequence order. */
  events(
    batch: Pick<EventsBatch, 'doc' | 'events'>,
    frameId: number,
    worker: WorkerInfo | null = null,
  ): void {
    if (this.pausedSince !== null) return;
    const doc = this.doc(batch.doc);
    if (doc.retired) return;
    let last = doc.lastSeq;
    let maxSocket = doc.maxSocket;
    for (const e of batch.events) {
      if (e.seq <= last) continue;
      last = e.seq;
      if (e.type === 'created') {
        maxSocket = Math.max(maxSocket, e.socket);
        this.add(summaryFromCreated(batch.doc, e), frameId, doc, worker);
        continue;
      }
      const slot = this.table.slotOf(socketId(batch.doc, e.socket));
      // Unknown: created before the panel subscribed (the pending snapshot covers it) or cleared.
      if (slot === undefined) continue;
      const d = this.draft(slot);
      applyToSummary(d, e);
      if (e.type === 'message') this.keep(slot, d, e);
      else this.lifecycleChanged = true;
    }
    this.setDoc(batch.doc, { ...doc, lastSeq: last, maxSocket });
    this.enforceTotal();
    this.matchAddedSockets();
  }

  /**
   * A part of a page's retained history: summaries newer than what is held replace it (keeping
   * held previews), sockets the page has forgotten stay, and a socket gets only previews newer
   * than its newest.
   */
  snapshot(
    part: Pick<SnapshotPart, 'doc' | 'lastSeq' | 'sockets' | 'messages'>,
    frameId: number,
    worker: WorkerInfo | null = null,
  ): void {
    if (this.pausedSince !== null) return;
    const doc = this.doc(part.doc);
    if (doc.retired) return;
    if (part.lastSeq >= doc.lastSeq) {
      let maxSocket = doc.maxSocket;
      for (const summary of part.sockets) {
        maxSocket = Math.max(maxSocket, summary.socket);
        const slot = this.table.slotOf(summary.id);
        if (slot === undefined) {
          this.add(summary, frameId, doc, worker);
        } else {
          const d = this.draft(slot);
          Object.assign(d, summary, { frameId, messages: d.messages, handshake: d.handshake });
          d.sent = { ...summary.sent };
          d.received = { ...summary.received };
          d.tester = testerCopy(summary.tester);
          this.lifecycleChanged = true;
        }
      }
      this.setDoc(part.doc, { ...doc, lastSeq: part.lastSeq, maxSocket });
    }
    for (const m of part.messages) {
      const slot = this.table.slotOf(socketId(part.doc, m.socket));
      if (slot === undefined) continue;
      const held = this.record(slot);
      if (held && m.seq > (held.messages.last()?.seq ?? 0)) this.keep(slot, this.draft(slot), m);
    }
    this.enforceTotal();
    this.matchAddedSockets();
  }

  /** A new top-level document: kept behind a separator with "Preserve log", else a fresh list. */
  navigated(url: string, at: number): void {
    if (this.preserveLog) {
      this.navigations = [...this.navigations, { url, at }];
      this.touched = true;
      return;
    }
    const docs = this.docs ?? new Map(this.base.docs);
    for (const [key, doc] of docs) docs.set(key, { ...doc, retired: true });
    this.docs = docs;
    this.clear();
  }

  handshake(report: HandshakeReport): void {
    this.touched = true;
    const socket = matchHandshake(report, this.newestFirst());
    if (socket) {
      this.attachHandshake(socket, report);
      return;
    }
    this.pendingHandshakes = [...this.pendingHandshakes, report].slice(-MAX_PENDING_HANDSHAKES);
  }

  /** What Chromium's DevTools protocol said about a socket, for it or for the one it waits for. */
  wire(report: WireReport): void {
    this.touched = true;
    const socket = matchWire(report, this.newestFirst());
    if (socket) {
      this.attachWire(socket, report);
      return;
    }
    this.pendingWire = [...this.pendingWire, report].slice(-MAX_PENDING_HANDSHAKES);
  }

  setRejected(count: number, lastError: string): void {
    this.rejected = { count, lastError };
    this.touched = true;
  }

  /** The user's Clear: everything listed goes and does not come back with a resync. */
  clear(): void {
    const docs = this.docs ?? new Map(this.base.docs);
    for (const [key, doc] of docs) docs.set(key, { ...doc, clearedUpTo: doc.maxSocket });
    this.docs = docs;
    this.table = SocketTable.empty().edit();
    this.order = [];
    this.drafts.clear();
    this.added = [];
    this.navigations = [];
    this.pendingHandshakes = [];
    this.pendingWire = [];
    this.budget = { queue: new ArrivalQueue(), head: 0, end: 0, count: 0, chars: 0 };
    this.stats = { ...EMPTY_STATS };
    this.fresh = true;
    this.touched = true;
  }

  setPaused(paused: boolean, now: number): void {
    const since = this.pausedSince;
    if (paused === (since !== null)) return;
    if (since === null) this.pausedSince = now;
    else {
      this.pauses = [...this.pauses, [since, now]];
      this.pausedSince = null;
    }
    this.touched = true;
  }

  setPreserveLog(on: boolean): void {
    if (on === this.preserveLog) return;
    this.preserveLog = on;
    this.touched = true;
  }

  setLimits(limits: PreviewLimits): void {
    this.limits = limits;
    this.touched = true;
    for (let slot = 0; slot < this.table.size; slot++) {
      const r = this.record(slot);
      if (r && r.messages.length > limits.perSocket)
        this.dropOldest(slot, r.messages.length - limits.perSocket);
    }
    this.enforceTotal();
  }

  /** Fills the log with imported sockets, exactly as they were exported; it stands still at `frozenAt`. */
  load(sockets: readonly LoadedSocket[], frozenAt: number): void {
    this.frozenAt = frozenAt;
    this.touched = true;
    for (const s of sockets) {
      const slot = this.table.push({
        ...s.summary,
        frameId: s.frameId,
        handshake: s.handshake,
        worker: s.worker,
        wire: s.wire,
        messages: PreviewLog.of(s.messages),
        ...(s.fromFile && { fromFile: s.fromFile }),
      });
      this.insertInOrder(slot, s.summary.createdAt);
      this.added.push(slot);
    }
    this.lifecycleChanged = true;
  }

  commit(): LogState {
    if (!this.touched && this.drafts.size === 0 && this.added.length === 0) return this.base;
    const addedSet = new Set(this.added);
    for (const [slot, d] of this.drafts) {
      this.count(this.origin(slot), -1);
      this.count(d, +1);
      this.table.set(slot, d);
    }
    for (const slot of this.added) if (!this.drafts.has(slot)) this.count(this.table.get(slot), +1);
    return {
      version: nextVersion(),
      changes: {
        from: this.fresh ? null : this.base.version,
        added: this.added,
        updated: [...this.drafts.keys()].filter((slot) => !addedSet.has(slot)),
      },
      lifecycle: this.base.lifecycle + (this.lifecycleChanged || this.fresh ? 1 : 0),
      sockets:
        this.fresh || this.drafts.size > 0 || this.added.length > 0 ? this.table.done() : this.base.sockets,
      order: this.order ?? this.base.order,
      docs: this.docs ?? this.base.docs,
      navigations: this.navigations,
      pendingHandshakes: this.pendingHandshakes,
      pendingWire: this.pendingWire,
      rejected: this.rejected,
      preserveLog: this.preserveLog,
      pausedSince: this.pausedSince,
      pauses: this.pauses,
      limits: this.limits,
      budget: this.compactedBudget(),
      stats: this.stats,
      frozenAt: this.frozenAt,
    };
  }

  private add(summary: SocketSummary, frameId: number, doc: DocState, worker: WorkerInfo | null): void {
    if (summary.socket <= doc.clearedUpTo) return;
    if (this.pauses.some(([from, to]) => summary.createdAt >= from && summary.createdAt < to)) return;
    const slot = this.table.push({
      ...summary,
      frameId,
      handshake: null,
      worker,
      messages: PreviewLog.empty(),
    });
    this.insertInOrder(slot, summary.createdAt);
    this.added.push(slot);
    this.lifecycleChanged = true;
  }

  /** Sockets mostly arrive in creation order: the common case is an append. */
  private insertInOrder(slot: number, createdAt: number): void {
    const order = (this.order ??= [...this.base.order]);
    const newest = this.record(order[order.length - 1] ?? -1)?.createdAt ?? -Infinity;
    if (createdAt >= newest) {
      order.push(slot);
      return;
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.record(order[mid] ?? -1)?.createdAt ?? -Infinity;
      if (at <= createdAt) lo = mid + 1;
      else hi = mid;
    }
    if (lo === order.length) order.push(slot);
    else order.splice(lo, 0, slot);
  }

  private doc(key: string): DocState {
    return (
      (this.docs ?? this.base.docs).get(key) ?? {
        lastSeq: 0,
        maxSocket: 0,
        clearedUpTo: 0,
        retired: false,
      }
    );
  }

  private setDoc(key: string, doc: DocState): void {
    const held = (this.docs ?? this.base.docs).get(key);
    if (held && held.lastSeq === doc.lastSeq && held.maxSocket === doc.maxSocket) return;
    (this.docs ??= new Map(this.base.docs)).set(key, doc);
    this.touched = true;
  }

  private record(slot: number): SocketRecord | undefined {
    return this.drafts.get(slot) ?? this.table.get(slot);
  }

  /** Every socket, newest first (by creation). */
  private *newestFirst(): Generator<SocketRecord> {
    const order = this.order ?? this.base.order;
    for (let i = order.length - 1; i >= 0; i--) {
      const r = this.record(order[i] ?? -1);
      if (r) yield r;
    }
  }

  /** The record as the base log held it (undefined for one added since, or after a clear). */
  private origin(slot: number): SocketRecord | undefined {
    return this.fresh ? undefined : this.base.sockets.get(slot);
  }

  private draft(slot: number): DraftRecord {
    const held = this.drafts.get(slot);
    if (held) return held;
    const r = this.table.get(slot);
    if (!r) throw new RangeError(`no socket in slot ${slot}`);
    const d: DraftRecord = {
      ...r,
      sent: { ...r.sent },
      received: { ...r.received },
      tester: testerCopy(r.tester),
    };
    this.drafts.set(slot, d);
    return d;
  }

  private count(r: SocketRecord | undefined, sign: 1 | -1): void {
    if (!r) return;
    if (r.state !== 'closed') this.stats.alive += sign;
    if (r.injected) this.stats.injected += sign;
    if (r.close && isAbnormal({ ...r.close, injected: r.injected !== null })) this.stats.abnormal += sign;
  }

  private keep(slot: number, d: DraftRecord, m: MessageRecord): void {
    const before = d.messages.chars;
    d.messages = d.messages.append(m);
    this.budget.count++;
    this.budget.chars += d.messages.chars - before;
    this.enqueue(slot, d.messages.pushed - 1);
    if (d.messages.length > this.limits.perSocket)
      this.dropOldest(slot, d.messages.length - this.limits.perSocket);
  }

  private dropOldest(slot: number, n: number): void {
    const d = this.draft(slot);
    const before = d.messages;
    d.messages = before.dropOldest(n);
    this.budget.count -= before.length - d.messages.length;
    this.budget.chars -= before.chars - d.messages.chars;
  }

  private enqueue(slot: number, ordinal: number): void {
    let { queue } = this.budget;
    // Another version appended past ours: continue on a copy of our own part.
    if (this.budget.end !== queue.slots.length) {
      queue = this.queueCopy();
      this.budget = { ...this.budget, queue, head: 0, end: queue.slots.length };
    }
    queue.slots.push(slot);
    queue.ordinals.push(ordinal);
    this.budget.end++;
  }

  private enforceTotal(): void {
    const { limits } = this;
    const { queue } = this.budget;
    while (
      (this.budget.count > limits.total || this.budget.chars > limits.totalChars) &&
      this.budget.head < this.budget.end
    ) {
      const slot = queue.slots[this.budget.head] ?? -1;
      const ordinal = queue.ordinals[this.budget.head] ?? -1;
      this.budget.head++;
      // Stale: dropped already by the per-socket cap.
      const held = this.record(slot);
      if (!held || ordinal < held.messages.dropped) continue;
      this.dropOldest(slot, 1);
    }
  }

  private queueCopy(): ArrivalQueue {
    const copy = new ArrivalQueue();
    const { queue, head, end } = this.budget;
    for (let i = head; i < end; i++) {
      const slot = queue.slots[i] ?? -1;
      const ordinal = queue.ordinals[i] ?? -1;
      const held = this.record(slot);
      if (!held || ordinal < held.messages.dropped) continue;
      copy.slots.push(slot);
      copy.ordinals.push(ordinal);
    }
    return copy;
  }

  /**
   * The queue is copied down when its consumed head dominates it, or when entries made stale by
   * the per-socket cap pile up under a steady stream (they are skipped, but they take room).
   */
  private compactedBudget(): PreviewBudgetState {
    const { head, end, count } = this.budget;
    const consumed = head > QUEUE_COMPACT_AFTER && head > end - head;
    const stale = end - head > 2 * count + QUEUE_COMPACT_AFTER;
    if (!consumed && !stale) return this.budget;
    const queue = this.queueCopy();
    return { ...this.budget, queue, head: 0, end: queue.slots.length };
  }

  /** Pending handshake and DevTools-protocol reports may belong to the sockets that just arrived. */
  private matchAddedSockets(): void {
    if ((this.pendingHandshakes.length === 0 && this.pendingWire.length === 0) || this.added.length === 0)
      return;
    const added = this.added
      .flatMap((slot) => {
        const r = this.record(slot);
        return r ? [r] : [];
      })
      .sort((a, b) => b.createdAt - a.createdAt);
    this.pendingHandshakes = this.pendingHandshakes.filter((report) => {
      const socket = matchHandshake(report, added);
      if (socket) this.attachHandshake(socket, report);
      return !socket;
    });
    this.pendingWire = this.pendingWire.filter((report) => {
      const socket = matchWire(report, added);
      if (socket) this.attachWire(socket, report);
      return !socket;
    });
  }

  private attachWire(socket: SocketRecord, report: WireReport): void {
    const slot = this.table.slotOf(socket.id);
    if (slot === undefined) return;
    this.draft(slot).wire = report;
    this.lifecycleChanged = true;
  }

  /** A second report of the same request (a status, then an error) completes the first. */
  private attachHandshake(socket: SocketRecord, report: HandshakeReport): void {
    const slot = this.table.slotOf(socket.id);
    if (slot === undefined) return;
    const d = this.draft(slot);
    d.handshake = { ...report, ...definedFields(d.handshake), ...definedFields(report) };
    this.lifecycleChanged = true;
  }
}

/** Counters a draft may change without touching the version it was made from. */
function testerCopy(t: SocketSummary['tester']): SocketSummary['tester'] {
  return { sent: { ...t.sent }, injected: { ...t.injected } };
}

function definedFields(f: HandshakeReport | null): Partial<HandshakeReport> {
  if (!f) return {};
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null));
}
