import manifest from '../../manifest.json' with { type: 'json' };
import { buildCloseLog } from './close-log';
import type { ExportableSocket } from './close-log';
import { closeLogCsv } from './close-log-csv';
import { replayPlan } from '../replay/replay-plan';
import { replayTestSource } from '../replay/replay-test-source';
import { closeLogHar } from './har';
import { DEFAULT_REDACTION } from './redaction';
import type { RedactionOptions } from './redaction';

export type ExportFormat = 'json' | 'json-previews' | 'csv' | 'har' | 'replay-test';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON close log' },
  { format: 'json-previews', label: 'JSON close log with message previews' },
  { format: 'csv', label: 'CSV (one row a socket)' },
  { format: 'har', label: 'HAR 1.2 (with message previews)' },
  { format: 'replay-test', label: 'Playwright test that replays the server' },
];

export interface ExportedFile {
  name: string;
  mime: string;
  text: string;
}

/** A file-name-safe timestamp: 2026-11-24T12-03-07. */
export function fileStamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/:/g, '-');
}

/**
 * The sockets as a file in one of the export formats; every format starts from the close log,
 * so every format is redacted alike (by default; `redaction` is the user's switch and list).
 */
export function exportFile(
  format: ExportFormat,
  sockets: Iterable<ExportableSocket>,
  at: Date,
  redaction: RedactionOptions = DEFAULT_REDACTION,
): ExportedFile {
  const base = `websocket-close-log-${fileStamp(at)}`;
  const log = buildCloseLog(sockets, at, { previews: format !== 'json' && format !== 'csv', redaction });
  switch (format) {
    case 'json':
    case 'json-previews':
      return { name: `${base}.json`, mime: 'application/json', text: JSON.stringify(log, null, 2) };
    case 'csv':
      return { name: `${base}.csv`, mime: 'text/csv;charset=utf-8', text: closeLogCsv(log) };
    case 'har':
      return {
        name: `${base}.har`,
        mime: 'application/json',
        text: JSON.stringify(closeLogHar(log, manifest.version), null, 2),
      };
    case 'replay-test':
      return {
        name: `websocket-replay-${fileStamp(at)}.spec.ts`,
        mime: 'text/plain;charset=utf-8',
        text: replayTestSource(replayPlan(log), {
          source: 'a recording in the DevTools panel',
          generatedAt: at,
        }),
      };
  }
}
