import { BINARY_PREVIEW_BYTES, TEXT_PREVIEW_CHARS } from '../protocol/envelope';
import type { Natives } from './natives';

/** What the recorder keeps of one message: exact size, a capped preview, never the payload. */
export interface PayloadFacts {
  kind: 'text' | 'binary';
  jsType: string;
  size: number;
  preview: string | null;
  truncated: boolean;
  /** A Blob's first bytes arrive asynchronously; the rest is known at once. */
  blob: Blob | null;
}

/** Bytes of `s` as UTF-8 on the wire; lone surrogates go out as U+FFFD (3 bytes). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // the pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * The first `max` UTF-16 units of `s`, never splitting a surrogate pair. A V8 substring can keep
 * its parent alive (a sliced string), so the result is copied out to let a huge payload be freed.
 */
export function textPreview(s: string, max: number, natives: Pick<Natives, 'stringify' | 'parse'>): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return natives.parse(natives.stringify(s.slice(0, end))) as string;
}

/** Char codes of '0'-'9', 'a'-'f'. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/**
 * Lower-case hex of `bytes`, built in one piece: appending two characters at a time would leave
 * a V8 rope of hundreds of nodes per preview (kilobytes each, kept as long as the preview is).
 */
export function hex(bytes: Uint8Array, natives: Pick<Natives, 'fromCharCodes'>): string {
  const codes = new Array<number>(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    codes[2 * i] = HEX_CODES[byte >> 4] ?? 0;
    codes[2 * i + 1] = HEX_CODES[byte & 15] ?? 0;
  }
  return natives.fromCharCodes(codes);
}

/** Describes a payload the page sends or receives. Returns null for a value that is none. */
export function describePayload(data: unknown, natives: Natives): PayloadFacts | null {
  if (typeof data === 'string') {
    return {
      kind: 'text',
      jsType: 'string',
      size: utf8Length(data),
      preview: textPreview(data, TEXT_PREVIEW_CHARS, natives),
      truncated: data.length > TEXT_PREVIEW_CHARS,
      blob: null,
    };
  }
  if (!isBinary(data, natives)) return null;
  const { get } = natives;
  const jsType = natives.tag(data);
  if (natives.isView(data)) {
    const size = get.viewByteLength(data);
    const head = new Uint8Array(
      get.viewBuffer(data),
      get.viewByteOffset(data),
      Math.min(size, BINARY_PREVIEW_BYTES),
    );
    return {
      kind: 'binary',
      jsType,
      size,
      preview: hex(head, natives),
      truncated: size > BINARY_PREVIEW_BYTES,
      blob: null,
    };
  }
  const bufferSize = tryGet(get.bufferByteLength, data as ArrayBuffer);
  if (bufferSize !== null) {
    const head = new Uint8Array(data as ArrayBuffer, 0, Math.min(bufferSize, BINARY_PREVIEW_BYTES));
    return {
      kind: 'binary',
      jsType,
      size: bufferSize,
      preview: hex(head, natives),
      truncated: bufferSize > BINARY_PREVIEW_BYTES,
      blob: null,
    };
  }
  const blobSize = tryGet(get.blobSize, data as Blob);
  if (blobSize !== null) {
    return {
      kind: 'binary',
      jsType,
      size: blobSize,
      preview: null,
      truncated: blobSize > BINARY_PREVIEW_BYTES,
      blob: data as Blob,
    };
  }
  return null;
}

/** ArrayBuffer, a view on one, or Blob, by brand (works across frames, ignores `instanceof` tricks). */
export function isBinary(data: unknown, natives: Natives): data is ArrayBuffer | ArrayBufferView | Blob {
  if (typeof data !== 'object' || data === null) return false;
  if (natives.isView(data)) return true;
  return (
    tryGet(natives.get.bufferByteLength, data as ArrayBuffer) !== null ||
    tryGet(natives.get.blobSize, data as Blob) !== null
  );
}

function tryGet<T>(read: (v: T) => number, value: T): number | null {
  try {
    return read(value);
  } catch {
    return null;
  }
}
