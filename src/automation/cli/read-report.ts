import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as v from 'valibot';
import { importSizeError, parseImport } from '../../import/close-log-file';
import { DevtoolsHar, harSockets } from '../../import/devtools-har';
import { isHar } from '../../import/har-to-close-log';
import { csvReport } from './csv-rows';
import { harRow } from './har-rows';
import { closeLogReport } from './report-row';
import type { Report } from './report-row';

export type ReadResult = { ok: true; report: Report } | { ok: false; error: string };

/**
 * Any file the report reads: our JSON close log, our HAR or CSV, or a HAR written by a
 * browser's DevTools. Anything else, or a file that cannot be read, is one sentence.
 */
export async function readReport(path: string): Promise<ReadResult> {
  const name = basename(path);
  const fail = (why: string): ReadResult => ({ ok: false, error: `Cannot open “${name}”: ${why}.` });
  let text: string;
  try {
    const size = importSizeError(name, (await stat(path)).size);
    if (size) return { ok: false, error: size };
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    return fail(
      code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : String(e),
    );
  }
  return reportOf(name, text);
}

/** The report of a file's text; `name` is only for messages. */
export function reportOf(name: string, text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (/^\ufeff?id,url[,\r\n]/.test(text)) {
      const csv = csvReport(text);
      return csv.ok ? csv : { ok: false, error: `Cannot open “${name}”: ${csv.error}.` };
    }
  }
  const har = isHar(json) ? v.safeParse(DevtoolsHar, json) : null;
  if (har?.success && har.output.log._webSocketCloseLog === undefined) {
    const creator = har.output.log.creator?.name ?? 'an unknown tool';
    // Chromium's DevTools sign their HARs "WebInspector".
    const tool = creator === 'WebInspector' ? 'Chromium' : creator;
    return {
      ok: true,
      report: {
        kind: `HAR from ${tool}`,
        rows: harSockets(har.output).map((s) => harRow(s, tool)),
        redaction: undefined,
        note: noteFor(tool),
      },
    };
  }
  const imported = parseImport(name, text);
  return imported.ok
    ? {
        ok: true,
        report: closeLogReport(imported.log, imported.kind === 'HAR' ? 'HAR close log' : 'JSON close log'),
      }
    : imported;
}

function noteFor(tool: string): string {
  return tool === 'Firefox'
    ? "Firefox's DevTools HAR holds only each socket's handshake: no messages and no close; only failed handshakes have a verdict."
    : `${tool}'s DevTools HAR holds no close frames or close codes: a socket that opened has an unknown close unless the browser logged an error for it.`;
}
