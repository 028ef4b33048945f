import {
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} from '../primordials/primordials';

const DOLLAR = 36;
const AMPERSAND = 38;

/**
 * `text.replace(re, replacement)` for a global `re`, written out: String.prototype.replace looks
 * `exec` and `flags` up on the RegExp's prototype, which the page can replace. Expands `$$`, `$&`
 * and `$1`-`$99` (an unmatched group is empty); other `$` sequences stay as they are.
 */
export function regexReplaceAll(text: string, re: RegExp, replacement: string): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (;;) {
    const m = RegExpPrototypeExec(re, text);
    if (m === null) break;
    // The match's own elements, read as the plain array they are.
    const groups: readonly (string | undefined)[] = m;
    const whole = groups[0] ?? '';
    out += StringPrototypeSlice(text, last, m.index) + expand(replacement, groups);
    last = m.index + whole.length;
    if (whole.length === 0) {
      if (last >= text.length) break;
      // An empty match would match again at the same place: step over one code point (a /u
      // expression would step back to the start of a surrogate pair, and match there forever).
      re.lastIndex = last + (isPairAt(text, last) ? 2 : 1);
    }
  }
  return out + StringPrototypeSlice(text, last);
}

function expand(replacement: string, m: readonly (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = StringPrototypeCharCodeAt(replacement, i);
    if (c !== DOLLAR || i + 1 >= replacement.length) {
      out += StringPrototypeSlice(replacement, i, i + 1);
      continue;
    }
    const next = StringPrototypeCharCodeAt(replacement, i + 1);
    if (next === DOLLAR) {
      out += '$';
      i++;
    } else if (next === AMPERSAND) {
      out += m[0] ?? '';
      i++;
    } else if (isDigit(next)) {
      // Two digits when that group exists, as String.prototype.replace reads them.
      const two = i + 2 < replacement.length && isDigit(StringPrototypeCharCodeAt(replacement, i + 2));
      const n2 = two ? (next - 48) * 10 + StringPrototypeCharCodeAt(replacement, i + 2) - 48 : 0;
      const n = two && n2 > 0 && n2 < m.length ? n2 : next - 48;
      if (n === 0 || n >= m.length) {
        out += '$';
        continue;
      }
      out += m[n] ?? '';
      i += n === n2 && two ? 2 : 1;
    } else {
      out += '$';
    }
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isPairAt(text: string, i: number): boolean {
  const high = StringPrototypeCharCodeAt(text, i);
  const low = i + 1 < text.length ? StringPrototypeCharCodeAt(text, i + 1) : 0;
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
