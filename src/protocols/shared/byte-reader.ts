/**
 * A cursor over a binary preview. Every read checks the bytes left and reports running out as
 * null instead of throwing, so a crafted length can only make a decoder stop, never read past the
 * buffer or allocate from it.
 */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    readonly end = bytes.length,
    public pos = 0,
  ) {}

  get left(): number {
    return this.end - this.pos;
  }

  u8(): number | null {
    if (this.pos >= this.end) return null;
    return this.bytes[this.pos++] ?? null;
  }

  u16(): number | null {
    if (this.left < 2) return null;
    const hi = this.bytes[this.pos] ?? 0;
    const lo = this.bytes[this.pos + 1] ?? 0;
    this.pos += 2;
    return (hi << 8) | lo;
  }

  u32(): number | null {
    const hi = this.u16();
    const lo = hi === null ? null : this.u16();
    return hi === null || lo === null ? null : hi * 0x10000 + lo;
  }

  /** n bytes as a view (no copy), or null if fewer are left. */
  take(n: number): Uint8Array | null {
    if (n < 0 || n > this.left) return null;
    const view = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return view;
  }

  /** A 2-byte length then that many UTF-8 bytes (MQTT's UTF-8 Encoded String). */
  utf8(): string | null {
    const n = this.u16();
    if (n === null) return null;
    const raw = this.take(n);
    return raw === null ? null : DECODER.decode(raw);
  }
}

const DECODER = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 text of bytes, invalid sequences as U+FFFD. */
export function utf8Text(bytes: Uint8Array): string {
  return DECODER.decode(bytes);
}
