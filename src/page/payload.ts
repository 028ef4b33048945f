import { BINARY_PREVIEW_BYTES } from '../protocol/envelope';
import {
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  JSONParse,
  JSONStringify,
  MathMin,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8ArrayCtor,
} from '../primordials/primordials';
import type { Natives } from './natives';

/**
 * The first `max` UTF-16 units of `s`, never splitting a surrogate pair. A V8 substring can keep
 * its parent alive (a sliced string), so the result is copied out to let a huge payload be freed.
 */
export function textPreview(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = StringPrototypeCharCodeAt(s, end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return JSONParse(JSONStringify(StringPrototypeSlice(s, 0, end))) as string;
}

/** `s`, cut to `max` UTF-16 units: what the page channel's schemas accept. */
export function capped(s: string, max: number): string {
  return s.length > max ? StringPrototypeSlice(s, 0, max) : s;
}

/** A binary payload as the recorder keeps it: its JS type, exact size and first bytes. */
export interface BinaryFacts {
  jsType: string;
  size: number;
  /** The first bytes (at most BINARY_PREVIEW_BYTES), or null for a Blob, read asynchronously. */
  head: Uint8Array | null;
  headLength: number;
  blob: Blob | null;
}

/**
 * Describes an ArrayBuffer, a view on one, or a Blob, by brand (across frames, whatever
 * `instanceof` says); null for anything else. Calls only captured getters, which throw on a value
 * of another brand: a throw means "not that kind".
 */
export function describeBinary(data: object, natives: Natives): BinaryFacts | null {
  if (ArrayBufferIsView(data)) {
    const name = TypedArrayPrototypeGetSymbolToStringTag(data);
    const typed = name !== undefined;
    const size = typed
      ? TypedArrayPrototypeGetByteLength(data)
      : DataViewPrototypeGetByteLength(data as DataView);
    const n = MathMin(size, BINARY_PREVIEW_BYTES);
    const head = typed
      ? new Uint8ArrayCtor(TypedArrayPrototypeGetBuffer(data), TypedArrayPrototypeGetByteOffset(data), n)
      : new Uint8ArrayCtor(
          DataViewPrototypeGetBuffer(data as DataView),
          DataViewPrototypeGetByteOffset(data as DataView),
          n,
        );
    return { jsType: name ?? 'DataView', size, head, headLength: n, blob: null };
  }
  const bufferSize = tryRead(ArrayBufferPrototypeGetByteLength, data as ArrayBuffer);
  if (bufferSize >= 0) {
    const n = MathMin(bufferSize, BINARY_PREVIEW_BYTES);
    return {
      jsType: 'ArrayBuffer',
      size: bufferSize,
      head: new Uint8ArrayCtor(data as ArrayBuffer, 0, n),
      headLength: n,
      blob: null,
    };
  }
  const blobSize = tryRead(natives.blobSize, data as Blob);
  if (blobSize >= 0)
    return {
      jsType: natives.blobType(data as Blob),
      size: blobSize,
      head: null,
      headLength: 0,
      blob: data as Blob,
    };
  return null;
}

/** Whether send() takes `data` as binary: an ArrayBuffer, a view on one, or a Blob. */
export function isBinary(data: object, natives: Natives): boolean {
  return (
    ArrayBufferIsView(data) ||
    tryRead(ArrayBufferPrototypeGetByteLength, data as ArrayBuffer) >= 0 ||
    tryRead(natives.blobSize, data as Blob) >= 0
  );
}

/** A size getter's answer, or -1 when `value` is not of its brand. */
function tryRead<T>(read: (v: T) => number, value: T): number {
  try {
    return read(value);
  } catch {
    return -1;
  }
}
