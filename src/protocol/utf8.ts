import { RegExpPrototypeExec, StringPrototypeCharCodeAt } from '../primordials/primordials';

const NOT_ASCII = /[^\0-\x7f]/;

/**
 * Bytes of `s` as UTF-8 on the wire; lone surrogates go out as U+FFFD (3 bytes). Shared by the
 * recorder (every text message's size) and the fault controls' reason check (123 bytes at most).
 * Written for the page world: it calls only captured built-ins.
 */
export function utf8Length(s: string): number {
  // Most messages are ASCII: one regular-expression scan finds that out, far faster than a call a
  // character; otherwise the count starts where the first non-ASCII character is.
  const first = RegExpPrototypeExec(NOT_ASCII, s);
  const length = s.length;
  if (first === null) return length;
  let n = length;
  for (let i = first.index; i < length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < length &&
      (StringPrototypeCharCodeAt(s, i + 1) & 0xfc00) === 0xdc00
    ) {
      n += 2; // the pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}
