import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { closedRow, exportAs, exportJson, readRows, rowOf } from './panel-reader';
import type { CloseLog } from '../../src/export/close-log';
import { CSV_COLUMNS, csvRow } from '../../src/export/close-log-csv';
import type { Har } from '../../src/export/har';
import { schemaErrors } from '../support/close-log-schema';

const REASON = 'bad, "very" bad\nsecond line';

/** Sockets whose exports are hard to get right; resolves with what the page's handlers saw. */
function runSockets(page: Page, ws: string) {
  return page.evaluate(
    ([ws, reason]) => {
      const run = (url: string, act: (s: WebSocket) => void = () => undefined) =>
        new Promise<{ url: string; code: number; reason: string; wasClean: boolean }>((resolve) => {
          const s = new WebSocket(url);
          s.binaryType = 'arraybuffer';
          s.onopen = () => act(s);
          s.onclose = (e) => resolve({ url: s.url, code: e.code, reason: e.reason, wasClean: e.wasClean });
        });
      return Promise.all([
        run(`${ws}/ws/close?after=message&code=4001&reason=${encodeURIComponent(reason)}&tags=a,b`, (s) =>
          s.send('{"n":1}'),
        ),
        run(`${ws}/ws/terminate`),
        run(`${ws}/ws/echo`, (s) => {
          s.send('hello');
          s.send(new Uint8Array([0xca, 0xfe, 0x00, 0xff]));
          s.onmessage = (e) => e.data instanceof ArrayBuffer && s.close(1000, 'done');
        }),
      ]);
    },
    [ws, REASON] as const,
  );
}

test('every export format carries what the page saw: JSON (schema-valid), CSV (parsed back), HAR (Chrome’s form)', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const saw = await runSockets(page, server.ws);
  const panel = await ext.openPanel(tabId);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(3);

  // JSON, plain and with previews: valid against the shipped schema, and true to the page.
  const log = await exportJson(panel);
  expect(schemaErrors(log)).toBe('');
  for (const s of saw)
    expect(log.sockets.find((l) => l.url === s.url)!.close).toMatchObject({
      code: s.code,
      reason: s.reason,
      wasClean: s.wasClean,
    });
  expect(log.sockets.every((s) => !('messages' in s))).toBe(true);
  const withPreviews = await exportAs(panel, /^JSON close log with message previews/);
  expect(withPreviews.name).toMatch(/^websocket-close-log-[\dT-]+\.json$/);
  const previews = JSON.parse(withPreviews.text) as CloseLog;
  expect(schemaErrors(previews)).toBe('');
  const echo = previews.sockets.find((s) => s.url.endsWith('/ws/echo'))!;
  expect(echo.messages!.map((m) => [m.dir, m.kind, m.preview])).toEqual([
    ['sent', 'text', 'hello'],
    ['sent', 'binary', 'cafe00ff'],
    ['received', 'text', 'hello'],
    ['received', 'binary', 'cafe00ff'],
  ]);

  // CSV: Papa Parse reads back each field of each socket, the nasty reason and URL included.
  const csv = await exportAs(panel, /^CSV/);
  expect(csv.name).toMatch(/\.csv$/);
  const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.meta.fields).toEqual([...CSV_COLUMNS]);
  expect(rows.data).toEqual(
    log.sockets.map((s) => Object.fromEntries(CSV_COLUMNS.map((k) => [k, String(csvRow(s)[k])]))),
  );
  const nasty = rows.data.find((r) => r.code === '4001')!;
  expect(nasty).toMatchObject({
    reason: REASON,
    wasClean: 'true',
    initiator: 'server',
    abnormal: 'false',
    sentMessages: '1',
    sentBytes: '7',
  });
  expect(nasty.url).toContain('tags=a,b');
  expect(rows.data.find((r) => r.url?.endsWith('/ws/terminate'))).toMatchObject({
    code: '1006',
    wasClean: 'false',
    initiator: 'network',
    abnormal: 'true',
  });

  // HAR: WebSocket entries in the form Chrome DevTools writes.
  const harFile = await exportAs(panel, /^HAR/);
  expect(harFile.name).toMatch(/\.har$/);
  const har = JSON.parse(harFile.text) as Har;
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries).toHaveLength(3);
  for (const e of har.log.entries) {
    expect(e._resourceType).toBe('websocket');
    expect(e.request.method).toBe('GET');
    expect(Date.parse(e.startedDateTime)).toBeGreaterThan(0);
    expect(e.response.status).toBe(101);
    expect(schemaErrors({ ...log, sockets: [e._webSocketClose] })).toBe('');
  }
  const harEcho = har.log.entries.find((e) => e.request.url.endsWith('/ws/echo'))!;
  expect(harEcho._webSocketMessages.map(({ type, opcode, data }) => ({ type, opcode, data }))).toEqual([
    { type: 'send', opcode: 1, data: 'hello' },
    { type: 'send', opcode: 2, data: Buffer.from([0xca, 0xfe, 0x00, 0xff]).toString('base64') },
    { type: 'receive', opcode: 1, data: 'hello' },
    { type: 'receive', opcode: 2, data: Buffer.from([0xca, 0xfe, 0x00, 0xff]).toString('base64') },
  ]);
  // Seconds since the epoch, in the socket's lifetime.
  for (const m of harEcho._webSocketMessages)
    expect(m.time * 1000).toBeGreaterThanOrEqual(harEcho._webSocketClose.createdAt);
});

test('exports cover all sockets or only the filtered ones', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  await runSockets(page, server.ws);
  const panel = await ext.openPanel(tabId);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(3);
  await panel.getByLabel('Abnormal only').check();
  await expect.poll(async () => (await readRows(panel)).length).toBe(1);

  const filtered = JSON.parse((await exportAs(panel, /^JSON close log$/, 'Filtered')).text) as CloseLog;
  expect(filtered.sockets.map((s) => new URL(s.url).pathname)).toEqual(['/ws/terminate']);
  const all = JSON.parse((await exportAs(panel, /^JSON close log$/, 'All sockets')).text) as CloseLog;
  expect(all.sockets).toHaveLength(3);
  expect((await exportJson(panel)).sockets).toHaveLength(3); // "Export JSON" is always everything
  const csv = Papa.parse(await exportAs(panel, /^CSV/, 'Filtered').then((f) => f.text), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.data).toHaveLength(1);
});

test('"Copy summary" puts a bug-report summary of the selected socket on the clipboard', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  await runSockets(page, server.ws);
  const panel = await ext.openPanel(tabId);
  const url = `${server.ws}/ws/terminate`;
  await closedRow(panel, url);
  await rowOf(panel, url).click();
  await panel.getByRole('button', { name: 'Copy summary' }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  const socket = (await exportJson(panel)).sockets.find((s) => s.url === url)!;
  // The clipboard is the browser's: read it back from the page, whose origin can be granted access.
  await ext.context.grantPermissions(['clipboard-read'], { origin: server.http });
  await page.bringToFront();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      [
        `WebSocket ${url}`,
        `Frame: ${page.url()}`,
        'State: closed',
        `Created: ${new Date(socket.createdAt).toISOString()}`,
        `Opened: ${new Date(socket.openedAt!).toISOString()} (+${Math.round(socket.openedAt! - socket.createdAt)} ms)`,
        `Closed: ${new Date(socket.closedAt!).toISOString()} (+${Math.round(socket.closedAt! - socket.createdAt)} ms)`,
        'Close: 1006 Abnormal Closure, wasClean false, by network, ABNORMAL',
        'Reason: (none)',
        `Explanation: ${socket.close!.explanation}`,
        'Sent: 0 messages, 0 bytes',
        'Received: 0 messages, 0 bytes',
        '',
      ].join('\n'),
    );
});
