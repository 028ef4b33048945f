import type { MessageRecord } from '../log/socket-record';
import type { MessageTuple } from '../protocol/page-messages';
import type { InterceptMark } from '../protocol/recorder-events';
import { BINARY_PREVIEW_BYTES } from '../protocol/envelope';
import {
  Float64ArrayCtor,
  Int16ArrayCtor,
  Int32ArrayCtor,
  StringFromCharCodes,
  TypedArrayPrototypeSet,
  Uint8ArrayCtor,
} from '../primordials/primordials';

// The flags of a MessageTuple (src/protocol/page-messages.ts), which the ring stores as they go.
const SENT = 1;
const BINARY = 2;
const TRUNCATED = 4;
const TESTER = 8;
/** Held in the ring only: a tuple carries the mark itself, as its eighth element. */
const INTERCEPTED = 16;

/** Char codes of '0'-'9', 'a'-'f'. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/**
 * The newest messages of a document, in fixed-size typed arrays: per message the page pays a few
 * number writes and two reference stores, and nothing is allocated. A text preview is the
 * message's own string (or, for a long one, a copy of its head); a binary one is its first bytes,
 * copied into one slab. Objects and hex strings are built only when a panel asks (`record`).
 */
export class MessageRing {
  private readonly seqs: Float64Array;
  private readonly sockets: Int32Array;
  private readonly times: Float64Array;
  private readonly sizes: Float64Array;
  private readonly flags: Uint8Array;
  private readonly jsTypes: string[];
  private readonly texts: (string | null)[];
  /** `BINARY_PREVIEW_BYTES` a slot: the head of a binary message. */
  private readonly heads: Uint8Array;
  /** Bytes held in `heads` for a slot; -1 while a Blob's are still being read. */
  private readonly headLengths: Int16Array;
  /** What a rule did, for the slots flagged INTERCEPTED: set apart, so write() stays as it was. */
  private readonly marks: (InterceptMark | undefined)[] = [];
  private next = 0;
  private written = 0;

  constructor(readonly capacity: number) {
    this.seqs = new Float64ArrayCtor(capacity);
    this.sockets = new Int32ArrayCtor(capacity);
    this.times = new Float64ArrayCtor(capacity);
    this.sizes = new Float64ArrayCtor(capacity);
    this.flags = new Uint8ArrayCtor(capacity);
    this.jsTypes = [];
    this.texts = [];
    this.heads = new Uint8ArrayCtor(capacity * BINARY_PREVIEW_BYTES);
    this.headLengths = new Int16ArrayCtor(capacity);
  }

  /** How many slots hold a message. */
  get length(): number {
    return this.written < this.capacity ? this.written : this.capacity;
  }

  /** Stores one message; returns its slot. */
  write(
    seq: number,
    socket: number,
    t: number,
    sent: boolean,
    jsType: string,
    size: number,
    text: string | null,
    truncated: boolean,
    tester: boolean,
  ): number {
    const slot = this.next;
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    this.written++;
    this.seqs[slot] = seq;
    this.sockets[slot] = socket;
    this.times[slot] = t;
    this.sizes[slot] = size;
    this.flags[slot] =
      (sent ? SENT : 0) | (text === null ? BINARY : 0) | (truncated ? TRUNCATED : 0) | (tester ? TESTER : 0);
    this.jsTypes[slot] = jsType;
    this.texts[slot] = text;
    this.headLengths[slot] = text === null ? -1 : 0;
    return slot;
  }

  /**
   * Copies a binary message's first `n` bytes (`head`, n <= BINARY_PREVIEW_BYTES) into its slot,
   * if the slot still holds `seq` (a Blob's arrive later).
   */
  setHead(slot: number, seq: number, head: Uint8Array, n: number): void {
    if (this.seqs[slot] !== seq) return;
    TypedArrayPrototypeSet(this.heads, head, slot * BINARY_PREVIEW_BYTES);
    this.headLengths[slot] = n;
  }

  /** Marks the message just written, `seq`, as one an interception rule took. */
  markLast(seq: number, mark: InterceptMark): void {
    const slot = this.next === 0 ? this.capacity - 1 : this.next - 1;
    if (this.seqs[slot] !== seq) return;
    this.flags[slot] = (this.flags[slot] ?? 0) | INTERCEPTED;
    this.marks[slot] = mark;
  }

  seqAt(slot: number): number {
    return this.seqs[slot] ?? 0;
  }

  socketAt(slot: number): number {
    return this.sockets[slot] ?? 0;
  }

  /** The slot of the i-th oldest message held, 0 <= i < length. */
  slotOf(i: number): number {
    const oldest = this.written < this.capacity ? 0 : this.next;
    const slot = oldest + i;
    return slot >= this.capacity ? slot - this.capacity : slot;
  }

  /** The message in `slot` as the protocol carries it. */
  record(slot: number): MessageRecord {
    const flags = this.flags[slot] ?? 0;
    const binary = (flags & BINARY) !== 0;
    return {
      type: 'message',
      seq: this.seqs[slot] ?? 0,
      socket: this.sockets[slot] ?? 0,
      t: this.times[slot] ?? 0,
      dir: flags & SENT ? 'sent' : 'received',
      kind: binary ? 'binary' : 'text',
      jsType: this.jsTypes[slot] ?? '',
      size: this.sizes[slot] ?? 0,
      preview: binary ? this.hexOf(slot) : (this.texts[slot] ?? null),
      truncated: (flags & TRUNCATED) !== 0,
      ...(flags & TESTER ? { tester: true as const } : {}),
      ...(flags & INTERCEPTED ? { intercept: this.marks[slot] } : {}),
    };
  }

  /** The message in `slot` as a live batch carries it: `[seq, socket, t, flags, jsType, size, preview]`. */
  tuple(slot: number): MessageTuple {
    const flags = this.flags[slot] ?? 0;
    const tuple = [
      this.seqs[slot] ?? 0,
      this.sockets[slot] ?? 0,
      this.times[slot] ?? 0,
      flags & ~INTERCEPTED,
      this.jsTypes[slot] ?? '',
      this.sizes[slot] ?? 0,
      flags & BINARY ? this.hexOf(slot) : (this.texts[slot] ?? null),
    ] as unknown as MessageTuple;
    // Only when there is one: JSON writes an undefined element as null, which the schema refuses.
    if (flags & INTERCEPTED) tuple[7] = this.marks[slot];
    return tuple;
  }

  /** Lower-case hex of a slot's head, built in one piece (no rope of two-character parts). */
  private hexOf(slot: number): string | null {
    const n = this.headLengths[slot] ?? -1;
    if (n < 0) return null;
    const codes: number[] = [];
    const base = slot * BINARY_PREVIEW_BYTES;
    for (let i = 0; i < n; i++) {
      const byte = this.heads[base + i] ?? 0;
      codes[2 * i] = HEX_CODES[byte >> 4] ?? 0;
      codes[2 * i + 1] = HEX_CODES[byte & 15] ?? 0;
    }
    return StringFromCharCodes(codes);
  }
}
