import type { Report } from './report-row';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line on a report: the file, its kind, how many sockets and abnormal closes, and the secrets. */
export function summaryLine(file: string, report: Report, redacted: boolean): string {
  const abnormal = report.rows.filter((r) => r.abnormal).length;
  const unknown = report.rows.filter((r) => r.code === null && r.state !== 'open').length;
  return [
    `${file}: ${report.kind}, ${plural(report.rows.length, 'socket')}, ${abnormal} abnormal`,
    unknown > 0 ? `, ${unknown} with an unknown close` : '',
    redacted ? ' (secrets redacted)' : ' (secrets included on request)',
  ].join('');
}

/** A code as the report shows it: inferred codes say so, unknown ones are a dash. */
export function codeText(code: number | null, inferred: boolean): string {
  return code === null ? '-' : inferred ? `${code} (inferred)` : String(code);
}

export function cleanText(wasClean: boolean | null): string {
  return wasClean === null ? '-' : wasClean ? 'yes' : 'no';
}
