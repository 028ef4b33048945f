import {
  ArrayBufferCtor,
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSet,
  Uint8ArrayCtor,
} from '../primordials/primordials';

/**
 * A copy of the bytes the page handed to send(), as a fresh ArrayBuffer, for a message that goes
 * out later: the native send() copies at the call, and the page may reuse its buffer right after.
 * A Blob is immutable and goes as it is. Only captured getters are read.
 */
export function copyBinary(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  let bytes: Uint8Array;
  if (ArrayBufferIsView(data)) {
    const typed = TypedArrayPrototypeGetSymbolToStringTag(data) !== undefined;
    const view = data as DataView;
    bytes = typed
      ? new Uint8ArrayCtor(
          TypedArrayPrototypeGetBuffer(data),
          TypedArrayPrototypeGetByteOffset(data),
          TypedArrayPrototypeGetByteLength(data),
        )
      : new Uint8ArrayCtor(
          DataViewPrototypeGetBuffer(view),
          DataViewPrototypeGetByteOffset(view),
          DataViewPrototypeGetByteLength(view),
        );
  } else {
    try {
      bytes = new Uint8ArrayCtor(
        data as ArrayBuffer,
        0,
        ArrayBufferPrototypeGetByteLength(data as ArrayBuffer),
      );
    } catch {
      return data; // a Blob
    }
  }
  const copy = new ArrayBufferCtor(TypedArrayPrototypeGetByteLength(bytes));
  TypedArrayPrototypeSet(new Uint8ArrayCtor(copy), bytes, 0);
  return copy;
}
