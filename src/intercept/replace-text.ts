import { StringPrototypeIndexOf, StringPrototypeSlice } from '../primordials/primordials';

/** Every occurrence of `find` (not empty) in `text` replaced with `replacement`, taken literally. */
export function replaceAll(text: string, find: string, replacement: string): string {
  let out = '';
  let last = 0;
  for (;;) {
    const at = StringPrototypeIndexOf(text, find, last);
    if (at < 0) break;
    out += StringPrototypeSlice(text, last, at) + replacement;
    last = at + find.length;
  }
  return out + StringPrototypeSlice(text, last);
}
