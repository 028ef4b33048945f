/** Longest one-line text a decoder puts in a summary, an event name or a goodbye. */
export const MAX_LINE = 200;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// C0/C1 controls and line/paragraph separators would break a one-line cell or fake a new line.
// eslint-disable-next-line no-control-regex -- control characters are what it must find
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

const ANY_SURROGATE = /[\ud800-\udfff]/;

/** Replaces halves of surrogate pairs (a preview cut mid-character, or hostile input) with U+FFFD. */
export function wellFormed(s: string): string {
  // The lookbehind scan is slow; most text has no surrogates at all.
  return ANY_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s;
}

/** Text for one line of a table: controls folded to a space, clipped with an ellipsis. */
export function oneLine(s: string, max = MAX_LINE): string {
  const head = s.length > max * 2 ? s.slice(0, max * 2) : s;
  const flat = wellFormed(head).replace(CONTROLS, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A value quoted for a summary: strings as JSON strings, clipped. */
export function quoted(s: string, max = 60): string {
  return JSON.stringify(oneLine(s, max));
}

/** Seconds for a sentence: "25 s", "1.5 s". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}
