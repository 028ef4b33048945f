import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../../src/protocols/shared/hex';

describe('hexToBytes', () => {
  it("reads the recorder's lowercase hex", () => {
    expect(hexToBytes('00ff10Ab')).toEqual({ bytes: new Uint8Array([0, 255, 16, 171]), invalid: false });
  });

  it('keeps the bytes before a bad character and says the hex is invalid', () => {
    expect(hexToBytes('0102zz03')).toEqual({ bytes: new Uint8Array([1, 2]), invalid: true });
    expect(hexToBytes('010')).toEqual({ bytes: new Uint8Array([1]), invalid: true });
  });
});
