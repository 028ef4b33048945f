export interface HexBytes {
  bytes: Uint8Array;
  /** The hex had an odd length or a non-hex character: bytes holds what came before it. */
  invalid: boolean;
}

/** Bytes of a binary preview (lowercase hex). Never longer than the text: a preview bounds it. */
export function hexToBytes(hex: string): HexBytes {
  const n = hex.length >> 1;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return { bytes: bytes.subarray(0, i), invalid: true };
    bytes[i] = (hi << 4) | lo;
  }
  return { bytes, invalid: hex.length % 2 !== 0 };
}

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
