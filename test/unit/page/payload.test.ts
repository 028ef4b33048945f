import { describe, expect, it } from 'vitest';
import { describeBinary, isBinary, textPreview } from '../../../src/page/payload';
import { createFakeWindow, fakeNatives } from './fake-window';

const natives = fakeNatives(createFakeWindow());

describe('textPreview', () => {
  it('returns short text as is and caps long text', () => {
    expect(textPreview('short', 10)).toBe('short');
    expect(textPreview('0123456789abc', 10)).toBe('0123456789');
  });

  it('never splits a surrogate pair', () => {
    expect(textPreview('123456789😀', 10)).toBe('123456789');
  });
});

describe('describeBinary', () => {
  it('reads every kind of binary payload by brand: type, exact size, the bytes of its view', () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 4, 5, 6, 7]).buffer;
    const facts = (data: object) => {
      const b = describeBinary(data, natives);
      return b && { jsType: b.jsType, size: b.size, head: b.head && [...b.head], blob: b.blob !== null };
    };
    expect(facts(buffer)).toEqual({
      jsType: 'ArrayBuffer',
      size: 8,
      head: [9, 1, 2, 3, 4, 5, 6, 7],
      blob: false,
    });
    expect(facts(new Uint16Array(buffer, 2, 2))).toEqual({
      jsType: 'Uint16Array',
      size: 4,
      head: [2, 3, 4, 5],
      blob: false,
    });
    expect(facts(new DataView(buffer, 6))).toEqual({
      jsType: 'DataView',
      size: 2,
      head: [6, 7],
      blob: false,
    });
    expect(facts(new Float64Array(40))).toMatchObject({ jsType: 'Float64Array', size: 320 });
    expect(describeBinary(new Float64Array(40), natives)?.headLength).toBe(256);
    expect(facts(new Blob(['abc']))).toEqual({ jsType: 'Blob', size: 3, head: null, blob: true });
    expect(facts(new File(['abcd'], 'f.bin'))).toEqual({ jsType: 'File', size: 4, head: null, blob: true });
    expect(facts({ byteLength: 3 })).toBeNull();
  });

  it('tells binary payloads from objects send() converts to a string', () => {
    expect([new ArrayBuffer(1), new Int8Array(1), new Blob([])].map((d) => isBinary(d, natives))).toEqual([
      true,
      true,
      true,
    ]);
    expect([{}, [], { size: 1 }].map((d) => isBinary(d, natives))).toEqual([false, false, false]);
  });
});
