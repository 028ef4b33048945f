import type { ResultRow } from './bench-entry';

/** The results as a Markdown table, as printed and as pasted into BENCHMARKS.md. */
export function formatTable(rows: ResultRow[]): string {
  const header = ['figure', 'target', 'median', 'interval', 'runs', 'met', 'detail'];
  const cells = rows.map((r) => [
    r.figure,
    r.target,
    r.median,
    r.spread,
    r.runs === null ? '' : String(r.runs),
    r.runs === null ? '' : r.met === null ? 'n/a' : r.met ? 'yes' : 'NO',
    r.detail,
  ]);
  const line = (c: string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...cells.map(line)].join('\n');
}
