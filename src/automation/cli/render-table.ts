import type { Report } from './report-row';
import { cleanText, codeText, summaryLine } from './summary-line';

/** One line of text: reasons come from servers and may hold line breaks or control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');

/**
 * The report for a terminal: a header line, then a row a socket with its code, name, whether
 * it was clean, who ended it and the URL, and under it the reason and the explanation.
 */
export function renderTable(file: string, report: Report, redacted: boolean): string {
  const head = ['#', 'code', 'name', 'clean', 'by', 'url'];
  const cells = report.rows.map((r, i) => [
    String(i + 1),
    codeText(r.code, r.inferred),
    oneLine(r.name || r.state),
    cleanText(r.wasClean),
    r.initiator ?? '-',
    oneLine(r.url) + (r.abnormal ? '  ABNORMAL' : r.injected ? '  INJECTED BY TESTER' : ''),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const indent = ' '.repeat((widths[0] ?? 1) + 2);
  const lines = [summaryLine(file, report, redacted), ...(report.note ? [report.note] : []), '', line(head)];
  report.rows.forEach((r, i) => {
    lines.push(line(cells[i] ?? []));
    if (r.reason) lines.push(`${indent}reason: ${JSON.stringify(r.reason)}`);
    lines.push(`${indent}${oneLine(r.explanation)}`);
    if (r.application) lines.push(`${indent}${oneLine(r.application)}`);
  });
  return `${lines.join('\n')}\n`;
}
