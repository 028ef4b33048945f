import type { Report } from './report-row';
import { cleanText, codeText, summaryLine } from './summary-line';

/** Text made inert in a Markdown table cell: no markup, HTML, line breaks or column breaks. */
function cell(s: string): string {
  return s
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The report for pasting into a bug: a summary line, then a table a socket. */
export function renderMarkdown(file: string, report: Report, redacted: boolean): string {
  const rows = report.rows.map((r, i) =>
    [
      String(i + 1),
      cell(r.url),
      codeText(r.code, r.inferred),
      cell(r.name || r.state),
      cell(r.reason),
      cleanText(r.wasClean),
      r.initiator ?? '-',
      r.abnormal ? '**abnormal**' : r.injected ? 'injected by tester' : '',
      cell(r.explanation) + (r.application ? `; ${cell(r.application)}` : ''),
    ].join(' | '),
  );
  return [
    `**WebSocket closes**: ${cell(summaryLine(file, report, redacted))}`,
    ...(report.note ? ['', cell(report.note)] : []),
    '',
    '| # | URL | Code | Name | Reason | Clean | By | Verdict | Explanation |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
    '',
  ].join('\n');
}
