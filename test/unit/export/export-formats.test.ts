import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { closeLogJsonSchema, SCHEMA_PATH } from '../../../scripts/close-log-json-schema';
import { buildCloseLog } from '../../../src/export/close-log';
import { CSV_COLUMNS, closeLogCsv, csvRow } from '../../../src/export/close-log-csv';
import { exportFile } from '../../../src/export/export-file';
import { closeLogHar } from '../../../src/export/har';
import { socketSummaryText } from '../../../src/export/socket-summary-text';
import { schemaErrors } from '../../support/close-log-schema';
import { HTML, NASTY_REASON, exportFixture } from './export-fixture';

const at = new Date('2026-11-24T12:00:00Z');

describe('the JSON close log and its JSON Schema', () => {
  it('ships the schema generated from the importer’s valibot schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(closeLogJsonSchema());
  });

  it('validates exports with and without previews, and rejects what breaks the contract', () => {
    for (const previews of [false, true])
      expect(schemaErrors(buildCloseLog(exportFixture(), at, { previews }))).toBe('');
    const log = buildCloseLog(exportFixture(), at);
    expect(schemaErrors({ ...log, version: 2 })).toMatch(/version/);
    expect(
      schemaErrors({
        ...log,
        sockets: [{ ...log.sockets[0], close: { ...log.sockets[0]!.close, code: '1006' } }],
      }),
    ).toMatch(/code must be integer/);
    expect(schemaErrors({ ...log, sockets: [{ ...log.sockets[0], sent: undefined }] })).toMatch(/sent/);
  });

  it('marks the injected close as the tester’s, never as abnormal, and carries previews only when asked', () => {
    const log = buildCloseLog(exportFixture(), at, { previews: true });
    const dropped = log.sockets.find((s) => s.url === 'wss://c.test/')!;
    expect(dropped.close).toMatchObject({
      code: 1006,
      initiator: 'tester',
      injected: true,
      abnormal: false,
      explanation: 'Injected by the tester: simulated drop',
    });
    expect(dropped.injection).toEqual({ action: 'drop', code: null, reason: null, at: 1011 });
    expect(log.sockets[0]!.messages!.map((m) => m.preview)).toEqual(['{"hello":"world"}', 'cafe00ff']);
    expect(buildCloseLog(exportFixture(), at).sockets[0]).not.toHaveProperty('messages');
  });
});

describe('CSV', () => {
  it('parses back with Papa Parse to the same fields, reasons with commas, quotes and line breaks included', () => {
    const log = buildCloseLog(exportFixture(), at);
    const csv = closeLogCsv(log);
    expect(csv.startsWith('\ufeffid,url,')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toEqual(
      log.sockets.map((s) => Object.fromEntries(Object.entries(csvRow(s)).map(([k, v]) => [k, String(v)]))),
    );
    const nasty = parsed.data.find((r) => r.code === '4001')!;
    expect(nasty).toMatchObject({
      reason: NASTY_REASON,
      url: `wss://b.test/${HTML}`,
      wasClean: 'true',
      initiator: 'server',
      abnormal: 'false',
    });
    expect(parsed.data[0]).toMatchObject({
      url: 'wss://a.test/feed?x=1,2&y="q"',
      code: '1006',
      wasClean: 'false',
      abnormal: 'true',
      sentMessages: '1',
      sentBytes: '17',
      createdAt: '1970-01-01T00:00:01.001Z',
    });
  });

  it('defuses spreadsheet formulas in server-controlled text', () => {
    const log = buildCloseLog(exportFixture(), at);
    log.sockets[1]!.close!.reason = '=HYPERLINK("http://evil.test","click")';
    const parsed = Papa.parse<Record<string, string>>(closeLogCsv(log), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data[1]!.reason).toBe(`'=HYPERLINK("http://evil.test","click")`);
  });
});

describe('HAR', () => {
  it('writes HAR 1.2 WebSocket entries the way Chrome DevTools does', () => {
    const har = closeLogHar(buildCloseLog(exportFixture(), at, { previews: true }), '1.2.3');
    expect(har.log).toMatchObject({
      version: '1.2',
      creator: { name: 'WebSocket Close Inspector', version: '1.2.3' },
      pages: [],
    });
    const [first] = har.log.entries;
    expect(first).toMatchObject({
      startedDateTime: '1970-01-01T00:00:01.001Z',
      _resourceType: 'websocket',
      request: {
        method: 'GET',
        url: 'wss://a.test/feed?x=1,2&y="q"',
        queryString: [
          { name: 'x', value: '1,2' },
          { name: 'y', value: '"q"' },
        ],
      },
      response: { status: 101, statusText: 'Switching Protocols' },
      timings: { send: 0, wait: 1, receive: 0 },
    });
    expect(first!._webSocketMessages).toEqual([
      {
        type: 'send',
        time: 1.003,
        opcode: 1,
        data: '{"hello":"world"}',
        _size: 17,
        _truncated: false,
        _jsType: 'string',
      },
      {
        type: 'receive',
        time: 1.004,
        opcode: 2,
        data: btoa('\xca\xfe\x00\xff'),
        _size: 4,
        _truncated: false,
        _jsType: 'ArrayBuffer',
      },
    ]);
    expect(first!._webSocketClose.close).toMatchObject({ code: 1006, abnormal: true });
    expect(first!._webSocketClose).not.toHaveProperty('messages');
  });

  it('is what the panel downloads for "HAR", with every retained preview', () => {
    const file = exportFile('har', exportFixture(), at);
    expect(file).toMatchObject({
      name: 'websocket-close-log-2026-11-24T12-00-00.har',
      mime: 'application/json',
    });
    expect(
      JSON.parse(file.text).log.entries.flatMap(
        (e: { _webSocketMessages: unknown[] }) => e._webSocketMessages,
      ),
    ).toHaveLength(4);
  });
});

describe('tester messages', () => {
  it('are labelled in every export and counted apart from the page’s own traffic', () => {
    const log = buildCloseLog(exportFixture(), at, { previews: true });
    const live = log.sockets.find((s) => s.url === 'wss://d.test/live')!;
    expect(live.sent.messages + live.received.messages).toBe(0);
    expect(live.tester).toEqual({ sent: { messages: 1, bytes: 11 }, injected: { messages: 1, bytes: 15 } });
    expect(live.messages!.map((m) => [m.dir, m.tester])).toEqual([
      ['sent', true],
      ['received', true],
    ]);
    expect(log.sockets[0]!.messages!.some((m) => 'tester' in m)).toBe(false);

    const row = Papa.parse<Record<string, string>>(closeLogCsv(log), { header: true, skipEmptyLines: true })
      .data[3]!;
    expect(row).toMatchObject({ sentMessages: '0', testerSentMessages: '1', testerInjectedMessages: '1' });

    const har = closeLogHar(log, '1');
    expect(har.log.entries[3]!._webSocketMessages.map((m) => [m.type, m._tester])).toEqual([
      ['send', true],
      ['receive', true],
    ]);
    expect(har.log.entries[0]!._webSocketMessages.some((m) => '_tester' in m)).toBe(false);

    expect(socketSummaryText(live)).toContain(
      'By tester: sent 1 messages, 11 bytes; injected 1 messages, 15 bytes\n',
    );
    expect(socketSummaryText(log.sockets[0]!)).not.toContain('By tester');
  });
});

describe('copy summary', () => {
  it('is plain text for a bug report, and says first of all when the tester injected the close', () => {
    const log = buildCloseLog(exportFixture(), at);
    expect(socketSummaryText(log.sockets[1]!)).toBe(
      [
        `WebSocket wss://b.test/${HTML}`,
        'Frame: https://page.test/',
        'State: closed',
        'Created: 1970-01-01T00:00:01.006Z',
        'Opened: 1970-01-01T00:00:01.007Z (+1 ms)',
        'Closed: 1970-01-01T00:00:01.008Z (+2 ms)',
        'Close: 4001 Private use, wasClean true, by server',
        `Reason: ${JSON.stringify(NASTY_REASON)}`,
        `Explanation: ${log.sockets[1]!.close!.explanation}`,
        'Sent: 0 messages, 0 bytes',
        'Received: 0 messages, 0 bytes',
        '',
      ].join('\n'),
    );
    const injected = socketSummaryText(log.sockets[2]!);
    expect(injected.split('\n')[0]).toBe(
      'INJECTED BY TESTER: simulated drop at 1970-01-01T00:00:01.011Z. This close is not a real one.',
    );
    expect(injected).toContain('Close: 1006 Abnormal Closure, wasClean false, by tester\n');
  });
});
