/**
 * Bytes as the composer reads and writes them: hex and base64 as people type them (spaces, line
 * breaks, `0x`, either base64 alphabet, with or without padding), each mistake named by its place.
 */
export type Parsed = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const SEPARATORS = /[\s,:]/;

/** Hex digits, two a byte; spaces, line breaks, commas, colons and `0x` prefixes are ignored. */
export function parseHex(text: string): Parsed {
  const digits: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (SEPARATORS.test(c)) continue;
    if (c === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && digits.length % 2 === 0) {
      i++;
      continue;
    }
    const d = parseInt(c, 16);
    if (Number.isNaN(d))
      return { ok: false, error: `“${c}” at character ${i + 1} is not a hex digit (0-9, a-f).` };
    digits.push(d);
  }
  if (digits.length % 2 === 1)
    return { ok: false, error: `${digits.length} hex digits: each byte takes two, so one is missing.` };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = ((digits[2 * i] ?? 0) << 4) | (digits[2 * i + 1] ?? 0);
  return { ok: true, bytes };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE: Record<string, number> = { '-': 62, _: 63 };

/** Base64 of either alphabet (`+/` or `-_`); padding optional, whitespace ignored. */
export function parseBase64(text: string): Parsed {
  const values: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) continue;
    if (c === '=') {
      padding++;
      continue;
    }
    const value = BASE64.indexOf(c) >= 0 ? BASE64.indexOf(c) : URL_SAFE[c];
    if (value === undefined)
      return { ok: false, error: `“${c}” at character ${i + 1} is not a base64 character.` };
    if (padding > 0) return { ok: false, error: `Character ${i + 1} comes after the “=” padding.` };
    values.push(value);
  }
  if (values.length % 4 === 1)
    return { ok: false, error: `${values.length} base64 characters cannot encode whole bytes.` };
  if (padding > 2 || (padding > 0 && (values.length + padding) % 4 !== 0))
    return { ok: false, error: 'The “=” padding does not fit the length.' };
  const bytes = new Uint8Array(Math.floor((values.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let n = 0;
  for (const value of values) {
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (buffer >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}

/** Lower-case hex, no separators: what the page channel carries. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Hex for people: bytes separated by spaces, 16 to a line. */
export function toSpacedHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16)
    lines.push([...bytes.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, '0')).join(' '));
  return lines.join('\n');
}

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.subarray(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    out += BASE64[(n >> 18) & 63] ?? '';
    out += BASE64[(n >> 12) & 63] ?? '';
    out += left > 1 ? (BASE64[(n >> 6) & 63] ?? '') : '=';
    out += left > 2 ? (BASE64[n & 63] ?? '') : '=';
  }
  return out;
}

/** The text these bytes are in UTF-8, or null when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
