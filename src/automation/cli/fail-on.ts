import type { ReportRow } from './report-row';

/** What `--fail-on` asked for: abnormal closes, and/or close codes and ranges. */
export type FailOn = (row: ReportRow) => boolean;

/**
 * `abnormal`, codes and ranges, comma-separated: `abnormal`, `1006,1011`, `abnormal,4000-4999`.
 * Null for anything else.
 */
export function parseFailOn(spec: string): FailOn | null {
  const tests: FailOn[] = [];
  for (const part of spec.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (part === 'abnormal') tests.push((r) => r.abnormal);
    else if (range) {
      const low = Number(range[1]);
      const high = Number(range[2] ?? range[1]);
      if (low > high) return null;
      tests.push((r) => r.code !== null && r.code >= low && r.code <= high);
    } else return null;
  }
  return tests.length > 0 ? (row) => tests.some((t) => t(row)) : null;
}
