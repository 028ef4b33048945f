import { describe, expect, it } from 'vitest';
import { parseBase64, parseHex, toBase64, toHex, toSpacedHex, utf8Text } from '../../../src/compose/bytes';

const bytes = (r: ReturnType<typeof parseHex>) => (r.ok ? [...r.bytes] : r.error);

describe('hex as people type it', () => {
  it('reads digits of either case, with spaces, line breaks, commas, colons and 0x prefixes', () => {
    expect(bytes(parseHex('CA fe\n00:ff,0x10 0X0a'))).toEqual([0xca, 0xfe, 0x00, 0xff, 0x10, 0x0a]);
    expect(bytes(parseHex(''))).toEqual([]);
  });

  it('names the first wrong character by its place, and a missing half byte', () => {
    expect(bytes(parseHex('ca fg'))).toBe('“g” at character 5 is not a hex digit (0-9, a-f).');
    expect(bytes(parseHex('cafe0'))).toBe('5 hex digits: each byte takes two, so one is missing.');
  });
});

describe('base64 as people paste it', () => {
  it('reads both alphabets, with or without padding, across line breaks', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const standard = Buffer.from(all).toString('base64');
    expect(bytes(parseBase64(standard))).toEqual([...all]);
    expect(bytes(parseBase64(Buffer.from(all).toString('base64url')))).toEqual([...all]);
    expect(bytes(parseBase64('aGk='))).toEqual([0x68, 0x69]);
    expect(bytes(parseBase64('aGk'))).toEqual([0x68, 0x69]);
    expect(bytes(parseBase64('aG\nk='))).toEqual([0x68, 0x69]);
  });

  it('names what is wrong', () => {
    expect(bytes(parseBase64('aG*k'))).toBe('“*” at character 3 is not a base64 character.');
    expect(bytes(parseBase64('aGk=a'))).toBe('Character 5 comes after the “=” padding.');
    expect(bytes(parseBase64('aGkxa'))).toBe('5 base64 characters cannot encode whole bytes.');
    expect(bytes(parseBase64('aGk=='))).toBe('The “=” padding does not fit the length.');
  });
});

describe('writing bytes', () => {
  it('as hex, spaced hex and base64 the way Node writes them', () => {
    for (const length of [0, 1, 2, 3, 4, 17, 100]) {
      const b = Uint8Array.from({ length }, (_, i) => (i * 37) & 0xff);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(toHex(b)).toBe(Buffer.from(b).toString('hex'));
      expect(toSpacedHex(b).replace(/\s/g, '')).toBe(toHex(b));
    }
    expect(
      toSpacedHex(new Uint8Array(17))
        .split('\n')
        .map((l) => l.split(' ').length),
    ).toEqual([16, 1]);
  });

  it('reads UTF-8 text back, or says it is none', () => {
    expect(utf8Text(new TextEncoder().encode('héllo 😀'))).toBe('héllo 😀');
    expect(utf8Text(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });
});
