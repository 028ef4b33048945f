import type { ByteReader } from '../shared/byte-reader';

/**
 * An MQTT Variable Byte Integer: 7 bits a byte, low first, high bit = more follows, at most four
 * bytes (max 268 435 455). 'cut' when the preview ends inside it; 'too long' for a fifth byte.
 */
export function readVarInt(r: ByteReader): number | 'cut' | 'too long' {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const b = r.u8();
    if (b === null) return 'cut';
    value += (b & 0x7f) * 128 ** i;
    if ((b & 0x80) === 0) return value;
  }
  return 'too long';
}
