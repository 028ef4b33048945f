import type { HandshakeReport } from '../protocol/handshake';
import type { EventsBatch, SnapshotPart } from '../protocol/page-messages';
import type { PanelMessage } from '../protocol/runtime-messages';
import type { SocketSummary } from '../protocol/socket-summary';
import { applyToSummary, summaryFromCreated } from './apply-event';
import { matchHandshake } from './handshake-match';
import { PreviewBuffer } from './preview-buffer';
import { DEFAULT_PREVIEW_LIMITS, PreviewBudget } from './preview-limits';
import type { PreviewLimits } from './preview-limits';
import type { MessageRecord, SocketRecord } from './socket-record';
import { socketId } from './socket-record';

/** A navigation kept in the log while "Preserve log" is on: drawn as a separator. */
export interface Navigation {
  at: number;
  url: string;
}

/** Handshake reports waiting for their socket's `created` event (webRequest can be faster). */
const MAX_PENDING_HANDSHAKES = 200;

/**
 * The one store every view reads. Live batches and snapshots both land here; per-document
 * sequence numbers make re-delivered events (after a resync) harmless. Views never change it
 * except through the user's own actions (clear, pause, preserve log, limits).
 */
export class LogStore {
  readonly sockets = new Map<string, SocketRecord>();
  readonly navigations: Navigation[] = [];
  /** Page-channel messages the extension refused for this tab (forged or malformed). */
  rejected = { count: 0, lastError: '' };
  preserveLog = false;
  /** While set, nothing new is recorded; sockets created in a pause never appear. */
  pausedSince: number | null = null;
  /** Bumped on every change, so views can tell when to re-render. */
  version = 0;
  /** For an imported log: when it was exported. Sockets still alive then are measured to it, not to now. */
  frozenAt: number | null = null;

  private readonly lastSeq = new Map<string, number>();
  /** Documents left behind by a navigation without "Preserve log": late events stay out. */
  private readonly retired = new Set<string>();
  /** Sockets the user cleared: a resync must not bring them back. */
  private readonly cleared = new Set<string>();
  private readonly pauses: [number, number][] = [];
  private pendingHandshakes: HandshakeReport[] = [];
  private readonly budget: PreviewBudget;
  private readonly listeners = new Set<() => void>();

  constructor(limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS) {
    this.budget = new PreviewBudget(limits);
  }

  get limits(): PreviewLimits {
    return this.budget.limits;
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  apply(m: PanelMessage): void {
    switch (m.type) {
      case 'events':
        if (this.pausedSince === null && !this.retired.has(m.batch.doc)) this.applyBatch(m.batch, m.frameId);
        return;
      case 'snapshot':
        if (this.pausedSince === null && !this.retired.has(m.part.doc)) this.applySnapshot(m.part, m.frameId);
        return;
      case 'navigated':
        this.navigated(m.url, m.at);
        return;
      case 'rejected':
        this.rejected = { count: m.count, lastError: m.lastError };
        this.changed();
        return;
      case 'handshake':
        this.pendingHandshakes.push(m.report);
        if (this.pendingHandshakes.length > MAX_PENDING_HANDSHAKES) this.pendingHandshakes.shift();
        this.matchHandshakes();
        this.changed();
        return;
    }
  }

  /** A new top-level document: kept behind a separator with "Preserve log", else a fresh list. */
  navigated(url: string, at: number): void {
    if (this.preserveLog) {
      this.navigations.push({ url, at });
      this.changed();
      return;
    }
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
        this.add(summaryFromCreated(doc, e), frameId);
        continue;
      }
      const s = this.sockets.get(socketId(doc, e.socket));
      // Unknown socket: created before we subscribed (the pending snapshot covers it) or cleared.
      if (!s) continue;
      applyToSummary(s, e);
      if (e.type === 'message') this.budget.keep(s.messages, e);
    }
    this.lastSeq.set(doc, last);
    this.matchHandshakes();
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
        if (held) Object.assign(held, summary, { frameId });
        else this.add(summary, frameId);
      }
      this.lastSeq.set(part.doc, part.lastSeq);
    }
    for (const m of part.messages) {
      const s = this.sockets.get(socketId(part.doc, m.socket));
      if (s && m.seq > (s.messages.last()?.seq ?? 0)) this.budget.keep(s.messages, m);
    }
    this.matchHandshakes();
    this.changed();
  }

  /** Fills a read-only store with imported sockets, exactly as they were exported. */
  load(
    sockets: {
      summary: SocketSummary;
      frameId: number;
      handshake: HandshakeReport | null;
      messages: MessageRecord[];
    }[],
    frozenAt: number,
  ): void {
    this.frozenAt = frozenAt;
    for (const { summary, frameId, handshake, messages } of sockets) {
      const s = newRecord(summary, frameId, handshake);
      this.sockets.set(s.id, s);
      for (const m of messages) this.budget.keep(s.messages, m);
    }
    this.changed();
  }

  /** The user's Clear: everything listed goes and does not come back with a resync. */
  clear(): void {
    for (const [id, s] of this.sockets) {
      this.cleared.add(id);
      this.budget.discard(s.messages);
    }
    this.sockets.clear();
    this.navigations.length = 0;
    this.pendingHandshakes = [];
    this.changed();
  }

  setPaused(paused: boolean, now: number): void {
    const since = this.pausedSince;
    if (paused === (since !== null)) return;
    if (since === null) this.pausedSince = now;
    else {
      this.pauses.push([since, now]);
      this.pausedSince = null;
    }
    this.changed();
  }

  setPreserveLog(on: boolean): void {
    this.preserveLog = on;
    this.changed();
  }

  setLimits(limits: PreviewLimits): void {
    this.budget.setLimits(
      limits,
      [...this.sockets.values()].map((s) => s.messages),
    );
    this.changed();
  }

  private add(summary: SocketSummary, frameId: number): void {
    if (this.cleared.has(summary.id)) return;
    if (this.pauses.some(([from, to]) => summary.createdAt >= from && summary.createdAt < to)) return;
    this.sockets.set(summary.id, newRecord(summary, frameId, null));
  }

  private matchHandshakes(): void {
    if (this.pendingHandshakes.length === 0) return;
    this.pendingHandshakes = this.pendingHandshakes.filter((report) => {
      const socket = matchHandshake(report, this.sockets.values());
      // A second report of the same request (a status, then an error) completes the first.
      if (socket)
        socket.handshake = { ...report, ...definedFields(socket.handshake), ...definedFields(report) };
      return !socket;
    });
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}

/** The store's record of a socket, which it then updates in place; previews start empty. */
function newRecord(summary: SocketSummary, frameId: number, handshake: HandshakeReport | null): SocketRecord {
  return { ...summary, frameId, messages: new PreviewBuffer(), handshake };
}

function definedFields(f: HandshakeReport | null): Partial<HandshakeReport> {
  if (!f) return {};
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null));
}
