import Papa from 'papaparse';
import { CSV_FIRST_COLUMNS } from '../../export/close-log-csv';
import { applicationSaid } from './report-row';
import type { Report, ReportRow } from './report-row';

/** Papa Parse's escapeFormulae put a `'` before these when it wrote the file. */
const DEFUSED = /^'(?=[=+\-@\t\r])/;

/** Our CSV export read back for a report; another CSV yields an error sentence. */
export function csvReport(text: string): { ok: true; report: Report } | { ok: false; error: string } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  const missing = CSV_FIRST_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      error: `it is a CSV file without the close log's columns (${missing.slice(0, 3).join(', ')}…)`,
    };
  const [error] = parsed.errors;
  if (error) return { ok: false, error: `it is not valid CSV: ${error.message} (row ${error.row ?? '?'})` };
  return {
    ok: true,
    report: { kind: 'CSV close log', rows: parsed.data.map(row), redaction: undefined, note: null },
  };
}

function row(r: Record<string, string>): ReportRow {
  const cell = (k: (typeof CSV_FIRST_COLUMNS)[number]) => (r[k] ?? '').replace(DEFUSED, '');
  const flag = (k: (typeof CSV_FIRST_COLUMNS)[number]) => (cell(k) === '' ? null : cell(k) === 'true');
  const code = cell('code');
  return {
    url: cell('url'),
    state: cell('state'),
    code: /^\d+$/.test(code) ? Number(code) : null,
    inferred: false,
    name: cell('name'),
    reason: cell('reason'),
    wasClean: flag('wasClean'),
    initiator: cell('initiator') || null,
    abnormal: flag('abnormal') === true,
    injected: flag('injected') === true,
    explanation: cell('explanation'),
    // Columns added after the first ones: a CSV written before them has none.
    application: r.applicationExplanation
      ? applicationSaid(r.appProtocol || r.applicationProtocol || '?', r.applicationExplanation)
      : null,
  };
}
