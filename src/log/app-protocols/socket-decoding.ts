import type {
  Decoded,
  DecodedMessage,
  HeartbeatPolicy,
  Protocol,
  ProtocolSession,
  SocketFacts,
} from '../../protocols';
import type { PreviewLog } from '../preview-log';

/** A copy of the session every this many messages: a detail tree replays at most this many. */
const CHECKPOINT_EVERY = 64;
/** Rows of dropped previews are let go in batches, like the previews themselves. */
const TRIM_AFTER = 1024;
/** Distinct types and event names remembered, for the filter's suggestions. */
const MAX_NAMES = 200;

/**
 * One socket's messages decoded with one protocol, in order, as its previews arrive: the panel
 * decodes a socket only while it is in view (or exported), and each message once. Rows keep what
 * the log and the close explanation need (type, summary, event, heartbeat, goodbye); the detail
 * tree of one message is made again when it is asked for, from the nearest copy of the session
 * before it, so a socket of 100,000 messages holds no trees. Previews dropped before they were
 * decoded cannot be: `start` and `missed` say how many, so the views can say so.
 */
export class SocketDecoding {
  private readonly session: ProtocolSession;
  private rows: Decoded[] = [];
  /** Ordinal of rows[0]. */
  private base: number;
  /** The next ordinal to decode. */
  private next: number;
  /** Copies of the session as it was before the message with that ordinal, oldest first. */
  private checkpoints: { ordinal: number; session: ProtocolSession }[] = [];
  private sinceCheckpoint = CHECKPOINT_EVERY;
  private missedCount = 0;
  private detailMemo: { ordinal: number; decoded: Decoded | undefined } | null = null;
  /** Message types and event names seen, for suggestions (capped). */
  readonly names = new Set<string>();
  /** The ordinal decoding started at: the previews before it had been dropped already. */
  readonly start: number;

  constructor(
    readonly protocol: Protocol,
    facts: SocketFacts,
    log: PreviewLog,
  ) {
    this.session = protocol.createSession(facts);
    this.start = this.base = this.next = log.dropped;
  }

  /** Previews dropped after decoding started but before they were decoded. */
  get missed(): number {
    return this.missedCount;
  }

  /** One past the newest ordinal decoded. */
  get decodedUpTo(): number {
    return this.next;
  }

  /** Decodes what `log` (this socket's newest previews) holds beyond what was decoded. */
  advance(log: PreviewLog): void {
    if (log.dropped > this.next) {
      this.missedCount += log.dropped - this.next;
      this.next = this.base = log.dropped;
      this.rows = [];
      this.sinceCheckpoint = CHECKPOINT_EVERY;
    }
    for (let o = this.next; o < log.pushed; o++) {
      const m = log.atOrdinal(o);
      if (!m) break;
      if (this.sinceCheckpoint >= CHECKPOINT_EVERY) {
        this.checkpoints.push({ ordinal: o, session: this.session.fork() });
        this.sinceCheckpoint = 0;
      }
      this.sinceCheckpoint++;
      const d = this.session.decode(m);
      this.rows.push(withoutTrees(d));
      this.remember(d);
      this.next = o + 1;
    }
    this.trim(log.dropped);
  }

  /** The decoded row of the preview with this ordinal (no tree), if it was decoded and is held. */
  row(ordinal: number): Decoded | undefined {
    return ordinal < this.next ? this.rows[ordinal - this.base] : undefined;
  }

  /**
   * The message in full, tree included: replayed from the copy of the session before it. When
   * previews between that copy and the message were dropped since, they are left out of the
   * replay, so a state they carried (a packet split across them) is missing from this tree.
   */
  detail(ordinal: number, log: PreviewLog): Decoded | undefined {
    if (this.detailMemo?.ordinal === ordinal) return this.detailMemo.decoded;
    let decoded: Decoded | undefined;
    const from = this.checkpointBefore(ordinal);
    const target = log.atOrdinal(ordinal);
    if (from !== undefined && target !== undefined && ordinal < this.next) {
      const session = from.session.fork();
      for (let o = Math.max(from.ordinal, log.dropped); o < ordinal; o++) {
        const m = log.atOrdinal(o);
        if (m) session.decode(m);
      }
      decoded = session.decode(target);
    }
    this.detailMemo = { ordinal, decoded };
    return decoded;
  }

  /** The held previews of `log` that were decoded, each with its row: for the close explanation. */
  messages(log: PreviewLog): DecodedMessage[] {
    const out: DecodedMessage[] = [];
    for (let o = Math.max(this.base, log.dropped); o < Math.min(this.next, log.pushed); o++) {
      const message = log.atOrdinal(o);
      const decoded = this.rows[o - this.base];
      if (message && decoded) out.push({ message, decoded });
    }
    return out;
  }

  /** How many of the previews `log` holds were decoded. */
  decodedHeld(log: PreviewLog): number {
    return Math.max(0, Math.min(this.next, log.pushed) - Math.max(this.base, log.dropped));
  }

  heartbeat(): HeartbeatPolicy | null {
    return this.session.heartbeat();
  }

  private checkpointBefore(ordinal: number): { ordinal: number; session: ProtocolSession } | undefined {
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      const c = this.checkpoints[i];
      if (c && c.ordinal <= ordinal) return c;
    }
    return undefined;
  }

  private remember(d: Decoded): void {
    for (const name of [d.type, d.event, ...(d.parts ?? []).flatMap((p) => [p.type, p.event])]) {
      if (this.names.size >= MAX_NAMES) return;
      if (name !== undefined && name !== '') this.names.add(name);
    }
  }

  /** Lets go of the rows and session copies of previews the log no longer holds. */
  private trim(dropped: number): void {
    const gone = dropped - this.base;
    if (gone > TRIM_AFTER && gone * 2 > this.rows.length) {
      this.rows = this.rows.slice(gone);
      this.base = dropped;
    }
    // The newest copy at or before the oldest held preview still serves the previews after it.
    let keepFrom = 0;
    while ((this.checkpoints[keepFrom + 1]?.ordinal ?? Infinity) <= dropped) keepFrom++;
    if (keepFrom > 0) this.checkpoints = this.checkpoints.slice(keepFrom);
  }
}

/** A row keeps no detail tree, in its parts neither: trees are made again on demand. */
function withoutTrees(d: Decoded): Decoded {
  const { tree: _tree, parts, ...row } = d;
  return parts === undefined ? row : { ...row, parts: parts.map(withoutTrees) };
}
