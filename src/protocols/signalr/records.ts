/** The JSON hub protocol's record separator: every message ends with it. */
export const RS = '\u001e';
/** Records one WebSocket message may hold before the rest is left undecoded. */
const MAX_RECORDS = 50;

/** The records of one message; the last is `cut` when the preview ends before its separator. */
export function splitRecords(text: string, truncated: boolean): { text: string; cut: boolean }[] {
  const records: { text: string; cut: boolean }[] = [];
  let from = 0;
  while (from < text.length && records.length < MAX_RECORDS) {
    const end = text.indexOf(RS, from);
    if (end < 0) {
      records.push({ text: text.slice(from), cut: truncated });
      break;
    }
    records.push({ text: text.slice(from, end), cut: false });
    from = end + 1;
  }
  return records;
}
