import { StringPrototypeIndexOf, StringPrototypeSlice } from '../primordials/primordials';

/**
 * Whether `text` is matched, whole, by `glob`, where `*` stands for any characters (none
 * included) and every other character for itself: `ws://localhost:*\/chat*`. No regular
 * expression is built, so no character of a URL needs escaping.
 */
export function globMatches(glob: string, text: string): boolean {
  const parts: string[] = [];
  for (let from = 0; ;) {
    const star = StringPrototypeIndexOf(glob, '*', from);
    if (star < 0) {
      parts[parts.length] = StringPrototypeSlice(glob, from);
      break;
    }
    parts[parts.length] = StringPrototypeSlice(glob, from, star);
    from = star + 1;
  }
  const first = parts[0] ?? '';
  if (parts.length === 1) return text === first;
  const last = parts[parts.length - 1] ?? '';
  if (text.length < first.length + last.length) return false;
  if (StringPrototypeSlice(text, 0, first.length) !== first) return false;
  if (StringPrototypeSlice(text, text.length - last.length) !== last) return false;
  // The middle parts in order, each as early as it can be: greedy enough for a glob of `*`s.
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    const found = StringPrototypeIndexOf(text, part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
