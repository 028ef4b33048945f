import * as v from 'valibot';
import { CLOSE_LOG_FORMAT, CLOSE_LOG_VERSION, CloseLog } from '../export/close-log-schema';
import { harToCloseLog, isHar } from './har-to-close-log';

/** Larger files are refused before they are read: a panel must stay responsive. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportResult =
  { ok: true; log: CloseLog; kind: 'close log' | 'HAR' } | { ok: false; error: string };

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The error for a file too large to import, checked on its size before reading it. */
export function importSizeError(name: string, bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `Cannot open “${name}”: it is ${mb(bytes)}; the limit is ${mb(MAX_IMPORT_BYTES)}.`
    : null;
}

/**
 * A JSON close log or a HAR this extension exported, parsed and validated; anything else (not
 * JSON, another format or version, wrong types, oversized fields) yields one clear sentence.
 */
export function parseImport(name: string, text: string): ImportResult {
  const fail = (why: string): ImportResult => ({ ok: false, error: `Cannot open “${name}”: ${why}.` });
  const size = importSizeError(name, text.length);
  if (size) return { ok: false, error: size };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`it is not JSON (${e instanceof Error ? e.message : 'parse error'})`);
  }
  let candidate = json;
  let kind: 'close log' | 'HAR' = 'close log';
  if (isHar(json)) {
    const har = harToCloseLog(json as Record<string, unknown>);
    if (!har.ok) return fail(har.error);
    candidate = har.candidate;
    kind = 'HAR';
  }
  const head =
    typeof candidate === 'object' && candidate !== null ? (candidate as Record<string, unknown>) : {};
  if (head.format !== CLOSE_LOG_FORMAT)
    return fail(`it is neither a WebSocket close log (no "format": "${CLOSE_LOG_FORMAT}") nor a HAR file`);
  if (head.version !== CLOSE_LOG_VERSION)
    return fail(
      `it is a close log of version ${JSON.stringify(head.version)}; this extension reads version ${CLOSE_LOG_VERSION}`,
    );
  const result = v.safeParse(CloseLog, candidate, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    return fail(`it is not a valid close log${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  return { ok: true, log: result.output, kind };
}
