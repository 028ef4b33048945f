import type { CompiledRule } from '../intercept/compile-rule';
import { compileRules } from '../intercept/rule-set';
import type { HoldDecision } from '../protocol/intercept-command';
import type { InterceptRule } from '../protocol/intercept-rules';
import { MAX_TESTER_MESSAGE_BYTES } from '../protocol/inject-command';
import type { InterceptMark, UnsequencedEvent } from '../protocol/recorder-events';
import { TEXT_PREVIEW_CHARS } from '../protocol/envelope';
import { utf8Length } from '../protocol/utf8';
import {
  MapCtor,
  MapPrototypeDelete,
  MapPrototypeForEach,
  MapPrototypeGet,
  MapPrototypeSet,
  WeakMapCtor,
  WeakMapPrototypeGet,
  WeakMapPrototypeSet,
} from '../primordials/primordials';
import { copyBinary } from './binary-copy';
import { OPEN } from './natives';
import type { Natives } from './natives';
import type { PageHistory } from './page-history';
import { textPreview } from './payload';
import { originOf } from './tester-messages';

/** What goes on in a message's place: nothing, for a blocked or dropped one. */
const NOTHING = null;

/** One message in a socket's lane: taken by a rule, or only waiting behind one that was. */
interface Entry {
  /** What the page sent or the browser delivered (a sent binary one copied: the page may reuse it). */
  data: unknown;
  /** What goes on: `data`, a rewritten text, or NOTHING. */
  out: unknown;
  /** The rule's mark; null for a message that only waited. */
  mark: InterceptMark | null;
  /** True while a delay rule keeps it back: its own timer lets it go. */
  delayed: boolean;
  /** The hold number while a breakpoint holds it; 0 otherwise. */
  hold: number;
}

/** One direction of one socket: messages in the order the page or the browser produced them. */
interface Lane {
  entries: Entry[];
  head: number;
}

interface SocketLanes {
  socket: number;
  sent: Lane;
  received: Lane;
  /** The rules that take this socket's URL, for `version` of the rule list. */
  rules: CompiledRule[];
  version: number;
}

/**
 * Interception (#13) in the page: the rules' decisions applied to messages in flight, both ways.
 * A sent message is changed, delayed, held or dropped before the native send(); a received one is
 * stopped in the recorder's capturing listener, before any of the page's, and what the rule made
 * of it is dispatched in its place (`isTrusted` false, like the tester's), or nothing. Each
 * direction of a socket is a lane: once a message is delayed or held, every later message of that
 * lane waits behind it, taken by a rule or not, so order is kept. `active` is the one thing the
 * recorder's hot paths read: false, they run as they did before interception existed.
 */
export class Interceptor {
  active = false;
  private rules: CompiledRule[] = [];
  private version = 0;
  private readonly lanes = new WeakMapCtor<WebSocket, SocketLanes>();
  /** Messages in lanes, so `active` stays on while any still waits. */
  private waiting = 0;
  private nextHold = 0;
  private readonly held = new MapCtor<
    number,
    { ws: WebSocket; lanes: SocketLanes; sent: boolean; entry: Entry }
  >();

  constructor(
    private readonly natives: Natives,
    private readonly history: PageHistory,
    private readonly emit: (e: Exclude<UnsequencedEvent, { type: 'message' }>) => void,
  ) {}

  /** The rules from now on; an empty list, or all disabled, lets go of every held message. */
  setRules(rules: readonly InterceptRule[]): void {
    this.rules = compileRules(rules).active;
    this.version++;
    if (this.rules.length === 0) this.releaseAll();
    this.active = this.rules.length > 0 || this.waiting > 0;
  }

  /** A send() of the page on an open socket: true when taken here, and the native must not run. */
  send(ws: WebSocket, data: unknown): boolean {
    return this.take(ws, true, data, null);
  }

  /** A trusted message event: true when taken here (stopped; what replaces it comes later or now). */
  receive(ws: WebSocket, e: Event): boolean {
    return this.take(ws, false, this.natives.messageData(e), e);
  }

  /** The panel's decision on one held message. */
  decide(hold: number, decision: HoldDecision, text: string | null): void {
    const h = MapPrototypeGet(this.held, hold);
    if (h === undefined) return;
    const { entry } = h;
    if (!entry.mark) return;
    if (decision === 'drop') {
      entry.out = NOTHING;
      entry.mark.outcome = 'dropped';
    } else if (decision === 'edit' && text !== null && typeof entry.data === 'string') {
      entry.out = text;
      entry.mark.outcome = 'edited';
      entry.mark.original = textPreview(entry.data, TEXT_PREVIEW_CHARS);
    } else {
      entry.mark.outcome = 'forwarded';
    }
    this.unhold(hold, h.ws, h.lanes, h.sent, entry);
  }

  /** Every held message goes on as it was: nobody is left to decide. */
  releaseAll(): void {
    const holds: number[] = [];
    MapPrototypeForEach(this.held, (_h, hold) => {
      holds[holds.length] = hold;
    });
    for (let i = 0; i < holds.length; i++) this.decide(holds[i] ?? 0, 'forward', null);
  }

  private take(ws: WebSocket, sent: boolean, data: unknown, e: Event | null): boolean {
    const lanes = this.lanesOf(ws);
    if (lanes === null) return false;
    const lane = sent ? lanes.sent : lanes.received;
    const text = typeof data === 'string' ? data : null;
    const rule = this.ruleFor(lanes, sent, text);
    const queued = lane.head < lane.entries.length;
    if (rule === null && !queued) return false;
    if (e !== null) this.natives.stopImmediatePropagation(e);
    const kept = sent && text === null ? copyBinary(data) : data;
    const entry: Entry = {
      data: kept,
      out: kept,
      mark: null,
      delayed: false,
      hold: 0,
    };
    const delay = rule === null ? 0 : this.apply(rule, entry, sent, lanes, text);
    if (entry.hold !== 0) MapPrototypeSet(this.held, entry.hold, { ws, lanes, sent, entry });
    // Nothing ahead and nothing to wait for: it goes now, in the page's own call or event.
    if (!queued && !entry.delayed && entry.hold === 0) {
      this.deliver(ws, lanes.socket, sent, entry);
      return true;
    }
    lane.entries[lane.entries.length] = entry;
    this.waiting++;
    this.active = true;
    // A timer of its own, no clock read: the lane goes on once the message at its head is due.
    if (entry.delayed)
      this.natives.setTimeout(() => {
        try {
          entry.delayed = false;
          this.pump(ws, lanes, sent);
        } catch {
          // From a timer: nothing may reach the page's error handlers.
        }
      }, delay);
    return true;
  }

  /** Applies the rule's decision to `entry`; returns the delay it asks for, in ms, or 0. */
  private apply(
    rule: CompiledRule,
    entry: Entry,
    sent: boolean,
    lanes: SocketLanes,
    text: string | null,
  ): number {
    const id = rule.rule.id;
    const d = rule.decide(text);
    if (d.kind === 'block') {
      entry.out = NOTHING;
      entry.mark = { rule: id, outcome: 'blocked', original: null };
    } else if (d.kind === 'rewrite') {
      // A rewrite that changed nothing is no interception.
      if (text === null || d.text === text) return 0;
      entry.out = d.text;
      entry.mark = { rule: id, outcome: 'rewritten', original: textPreview(text, TEXT_PREVIEW_CHARS) };
    } else if (d.kind === 'delay') {
      entry.delayed = true;
      entry.mark = { rule: id, outcome: 'delayed', original: null };
      return d.ms;
    } else {
      entry.hold = ++this.nextHold;
      entry.mark = { rule: id, outcome: 'forwarded', original: null };
      this.emit({
        type: 'held',
        socket: lanes.socket,
        t: this.natives.now(),
        hold: entry.hold,
        dir: sent ? 'sent' : 'received',
        rule: id,
        text: text !== null && utf8Length(text) <= MAX_TESTER_MESSAGE_BYTES ? text : null,
      });
    }
    return 0;
  }

  /** A decided message stops holding its lane: it, and what waits behind it, may go on. */
  private unhold(hold: number, ws: WebSocket, lanes: SocketLanes, sent: boolean, entry: Entry): void {
    MapPrototypeDelete(this.held, hold);
    entry.hold = 0;
    this.emit({ type: 'released', socket: lanes.socket, t: this.natives.now(), hold });
    this.pump(ws, lanes, sent);
  }

  /** Delivers the lane's messages from its head on, up to one that must still wait. */
  private pump(ws: WebSocket, lanes: SocketLanes, sent: boolean): void {
    const lane = sent ? lanes.sent : lanes.received;
    while (lane.head < lane.entries.length) {
      const entry = lane.entries[lane.head];
      if (entry === undefined) break;
      if (entry.hold !== 0 || entry.delayed) return;
      lane.head++;
      this.waiting--;
      this.deliver(ws, lanes.socket, sent, entry);
    }
    lane.entries = [];
    lane.head = 0;
    this.active = this.rules.length > 0 || this.waiting > 0;
  }

  /**
   * The message goes on, or not, and is recorded as what it became. A socket no longer open gets
   * nothing more either way: its message is recorded as dropped.
   */
  private deliver(ws: WebSocket, socket: number, sent: boolean, entry: Entry): void {
    const { natives, history } = this;
    const open = natives.wsReadyState(ws) === OPEN;
    const mark = entry.mark ?? (open ? null : { rule: '', outcome: 'dropped' as const, original: null });
    if (mark !== null && !open) mark.outcome = 'dropped';
    const goes = open && entry.out !== NOTHING;
    const recorded = goes ? entry.out : entry.data;
    const s = history.summaryOf(socket) ?? null;
    // Recorded before a received one is dispatched, so a reply the page sends comes after it.
    if (mark === null) history.message(s, socket, sent, natives.now(), recorded);
    else history.intercepted(s, socket, sent, natives.now(), recorded, mark);
    if (!goes) return;
    if (sent) natives.wsSend(ws, entry.out as string | ArrayBuffer);
    else natives.dispatchOn(ws, natives.messageEvent(entry.out, originOf(natives.wsUrl(ws))));
  }

  private lanesOf(ws: WebSocket): SocketLanes | null {
    const lanes = WeakMapPrototypeGet(this.lanes, ws);
    if (lanes === undefined) return null;
    if (lanes.version !== this.version) {
      const url = this.natives.wsUrl(ws);
      const rules: CompiledRule[] = [];
      for (let i = 0; i < this.rules.length; i++) {
        const r = this.rules[i];
        if (r !== undefined && r.takesSocket(url)) rules[rules.length] = r;
      }
      lanes.rules = rules;
      lanes.version = this.version;
    }
    return lanes;
  }

  /** Makes a socket interceptable, under its recorded number. */
  track(ws: WebSocket, socket: number): void {
    const lane = (): Lane => ({ entries: [], head: 0 });
    WeakMapPrototypeSet(this.lanes, ws, { socket, sent: lane(), received: lane(), rules: [], version: -1 });
  }

  private ruleFor(lanes: SocketLanes, sent: boolean, text: string | null): CompiledRule | null {
    for (let i = 0; i < lanes.rules.length; i++) {
      const r = lanes.rules[i];
      if (r !== undefined && r.takesMessage(sent, text)) return r;
    }
    return null;
  }
}
