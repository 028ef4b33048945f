import type { SocketRecord } from './socket-record';

/** Records per chunk: a change copies one chunk and the chunk list, whatever the table's size. */
const CHUNK = 256;

/**
 * Every socket of the log by slot (arrival order), as an immutable value: a change makes a new
 * table that shares all unchanged chunks with this one, so a batch touching one socket of
 * 200,000 copies a few hundred references, not the table. Ids are looked up in an append-only
 * index shared by all versions; a slot beyond a version's size is not in it.
 */
export class SocketTable implements Iterable<SocketRecord> {
  private constructor(
    private readonly chunks: readonly (readonly SocketRecord[])[],
    readonly size: number,
    private readonly ids: Map<string, number>,
  ) {}

  static empty(): SocketTable {
    return new SocketTable([], 0, new Map());
  }

  get(slot: number): SocketRecord | undefined {
    if (slot < 0 || slot >= this.size) return undefined;
    return this.chunks[Math.floor(slot / CHUNK)]?.[slot % CHUNK];
  }

  slotOf(id: string): number | undefined {
    const slot = this.ids.get(id);
    return slot !== undefined && this.get(slot)?.id === id ? slot : undefined;
  }

  byId(id: string): SocketRecord | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.get(slot);
  }

  /** A draft for a batch of changes; `done()` returns the new table and leaves this one as it is. */
  edit(): SocketTableDraft {
    return new SocketTableDraft(this.chunks, this.size, this.ids, (chunks, size) => {
      return new SocketTable(chunks, size, this.ids);
    });
  }

  *[Symbol.iterator](): Iterator<SocketRecord> {
    for (const chunk of this.chunks) yield* chunk;
  }
}

/** Changes to a table, copying each touched chunk once however many of its records change. */
export class SocketTableDraft {
  private readonly chunks: (readonly SocketRecord[])[];
  /** Chunks copied for this draft, written in place until `done()` hands them to the new table. */
  private owned = new Map<number, SocketRecord[]>();

  constructor(
    source: readonly (readonly SocketRecord[])[],
    private count: number,
    private readonly ids: Map<string, number>,
    private readonly make: (chunks: readonly (readonly SocketRecord[])[], size: number) => SocketTable,
  ) {
    // A few hundred references for 200,000 sockets; chunks themselves are copied when written.
    this.chunks = [...source];
  }

  get size(): number {
    return this.count;
  }

  get(slot: number): SocketRecord | undefined {
    if (slot < 0 || slot >= this.count) return undefined;
    return this.chunks[Math.floor(slot / CHUNK)]?.[slot % CHUNK];
  }

  slotOf(id: string): number | undefined {
    const slot = this.ids.get(id);
    return slot !== undefined && this.get(slot)?.id === id ? slot : undefined;
  }

  set(slot: number, record: SocketRecord): void {
    if (slot < 0 || slot >= this.count) throw new RangeError(`no slot ${slot} in a table of ${this.count}`);
    this.own(Math.floor(slot / CHUNK))[slot % CHUNK] = record;
  }

  /** Adds a record at the end; returns its slot. */
  push(record: SocketRecord): number {
    const slot = this.count++;
    this.own(Math.floor(slot / CHUNK))[slot % CHUNK] = record;
    this.ids.set(record.id, slot);
    return slot;
  }

  /** The new table. The draft must not change it afterwards: later writes copy again. */
  done(): SocketTable {
    this.owned = new Map();
    return this.make([...this.chunks], this.count);
  }

  private own(index: number): SocketRecord[] {
    let chunk = this.owned.get(index);
    if (!chunk) {
      chunk = [...(this.chunks[index] ?? [])];
      this.chunks[index] = chunk;
      this.owned.set(index, chunk);
    }
    return chunk;
  }
}
