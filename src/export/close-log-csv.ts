import Papa from 'papaparse';
import type { CloseLog, CloseLogSocket } from './close-log-schema';

/**
 * The first release's columns: every CSV this extension wrote has them, in this order, so a
 * reader needs no more (the CLI's report reads these).
 */
export const CSV_FIRST_COLUMNS = [
  'id',
  'url',
  'frameUrl',
  'state',
  'createdAt',
  'openedAt',
  'closedAt',
  'durationMs',
  'code',
  'name',
  'reason',
  'wasClean',
  'initiator',
  'abnormal',
  'injected',
  'explanation',
  'sentMessages',
  'sentBytes',
  'receivedMessages',
  'receivedBytes',
] as const;

/** One row a socket, in this column order: the CSV's contract, like the JSON's field names. */
export const CSV_COLUMNS = [
  ...CSV_FIRST_COLUMNS,
  // Workers and deep capture (#14), then application protocols (#11): added after the first, so
  // readers by position keep working.
  'workerKind',
  'workerUrl',
  'httpStatus',
  'appProtocol',
  'appProtocolDetectedBy',
  'applicationProtocol',
  'applicationCode',
  'applicationName',
  'applicationReason',
  'applicationExplanation',
  // The tester's messages (#12), counted apart from the page's own traffic above.
  'testerSentMessages',
  'testerInjectedMessages',
  // Messages interception rules took (#13), counted in the page's traffic too.
  'interceptedMessages',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\ufeff';

const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString());

export function csvRow(s: CloseLogSocket): Record<CsvColumn, string | number | boolean> {
  const c = s.close;
  const app = c?.application;
  return {
    id: s.id,
    url: s.url,
    frameUrl: s.frameUrl,
    state: s.state,
    createdAt: iso(s.createdAt),
    openedAt: iso(s.openedAt),
    closedAt: iso(s.closedAt),
    durationMs: s.closedAt === null ? '' : Math.round(s.closedAt - s.createdAt),
    code: c?.code ?? '',
    name: c?.name ?? '',
    reason: c?.reason ?? '',
    wasClean: c?.wasClean ?? '',
    initiator: c?.initiator ?? '',
    abnormal: c?.abnormal ?? '',
    injected: c?.injected ?? '',
    explanation: c?.explanation ?? '',
    sentMessages: s.sent.messages,
    sentBytes: s.sent.bytes,
    receivedMessages: s.received.messages,
    receivedBytes: s.received.bytes,
    workerKind: s.worker?.kind ?? '',
    workerUrl: s.worker?.url ?? '',
    // What webRequest reported, else what Chromium's DevTools protocol did (deep capture).
    httpStatus: s.handshake?.statusCode ?? s.wire?.statusCode ?? '',
    appProtocol: s.appProtocol?.name ?? '',
    appProtocolDetectedBy: s.appProtocol?.detectedBy ?? '',
    applicationProtocol: app?.protocol ?? '',
    applicationCode: app?.code ?? '',
    applicationName: app?.name ?? '',
    applicationReason: app?.reason ?? '',
    applicationExplanation: app?.explanation ?? '',
    // The page's own traffic above; what the tester sent or injected from the panel apart.
    testerSentMessages: s.tester.sent.messages,
    testerInjectedMessages: s.tester.injected.messages,
    interceptedMessages: s.intercepted ?? 0,
  };
}

/**
 * The close log as RFC 4180 CSV, one row a socket (times in ISO 8601 UTC). Papa Parse quotes
 * every field holding a comma, quote or line break; `escapeFormulae` prefixes a `'` to a field
 * starting with = + - @ (or a tab or CR), so a hostile server's close reason cannot run as a
 * spreadsheet formula.
 */
export function closeLogCsv(log: CloseLog): string {
  const rows = log.sockets.map((s) => {
    const row = csvRow(s);
    return CSV_COLUMNS.map((k) => row[k]);
  });
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true },
  );
  return BOM + csv + '\r\n';
}
