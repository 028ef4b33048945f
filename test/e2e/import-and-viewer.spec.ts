import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { exportAs, exportJson, importFile, readRows } from './panel-reader';
import type { PanelRow } from '../support/panel-rows';
import type { CloseLog } from '../../src/export/close-log';
import { MAX_IMPORT_BYTES } from '../../src/import/close-log-file';
import { watchSocket } from '../support/page-scripts';

/** A few sockets that close in different ways, for a log worth importing. */
async function session(page: Page, ws: string): Promise<void> {
  await page.evaluate(async (ws) => {
    const run = (url: string, act?: (s: WebSocket) => void) =>
      new Promise((resolve) => {
        const s = new WebSocket(url);
        s.onopen = () => act?.(s);
        s.onclose = resolve;
      });
    await Promise.all([
      run(`${ws}/ws/close?code=1011&reason=boom`),
      run(`${ws}/ws/terminate`),
      run(`${ws}/ws/echo`, (s) => {
        s.send('ping');
        s.onmessage = () => s.close(4001, 'bye');
      }),
      run(`${ws}/ws/status?code=403`),
    ]);
  }, ws);
}

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** A tab that ran the session, and its panel once it lists the four closed sockets. */
async function sessionPanel({
  open,
  ext,
  server,
}: Pick<Fixtures, 'open' | 'ext' | 'server'>): Promise<{ page: Page; panel: Page }> {
  const { page, tabId } = await open('blank.html');
  await session(page, server.ws);
  const panel = await ext.openPanel(tabId);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(4);
  return { page, panel };
}

/** The table as the user reads it, without the (ticking, local) timing columns. */
const shown = (rows: PanelRow[]) =>
  rows.map(({ url, state, code, name, reason, clean, initiator, explanation, tone }) => ({
    url,
    state,
    code,
    name,
    reason,
    clean,
    initiator,
    explanation,
    tone,
  }));

test('import round trip: an exported JSON log and HAR show the same sockets, read-only and marked as imported', async ({
  open,
  ext,
  server,
}) => {
  const { page, panel } = await sessionPanel({ open, ext, server });
  const live = shown(await readRows(panel));
  const json = await exportAs(panel, /^JSON close log with message previews/);
  const har = await exportAs(panel, /^HAR/);

  await importFile(panel, json);
  await expect(panel.getByTestId('imported-banner')).toContainText(
    `Imported: ${json.name} (read-only close log, 4 sockets, secrets redacted)`,
  );
  expect(shown(await readRows(panel))).toEqual(live);
  // Read-only: nothing to pause, clear or inject into.
  await expect(panel.getByRole('button', { name: /Pause|Clear$/ })).toHaveCount(0);
  await panel.locator('tr[data-socket-id]', { hasText: '/ws/echo' }).click();
  await expect(panel.getByRole('group', { name: 'Fault controls' })).toHaveCount(0);
  await panel.getByRole('tab', { name: /Messages/ }).click();
  await expect(panel.locator('.message-row')).toHaveCount(2);
  // What the import shows exports back to the same sockets.
  const reexported = await exportJson(panel);
  expect(reexported.sockets).toEqual(
    (JSON.parse(json.text) as CloseLog).sockets.map(({ messages: _m, ...s }) => s),
  );

  await importFile(panel, har);
  await expect(panel.getByTestId('imported-banner')).toContainText(
    `Imported: ${har.name} (read-only HAR, 4 sockets, secrets redacted)`,
  );
  expect(shown(await readRows(panel))).toEqual(live);

  // Back to the live tab, which kept recording meanwhile.
  await panel.getByRole('button', { name: 'Back to the live tab' }).click();
  await expect(panel.getByTestId('imported-banner')).toHaveCount(0);
  await page.evaluate(watchSocket, { url: `${server.ws}/ws/close?code=1000` });
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});

test('drag and drop opens a close log too', async ({ open, ext, server }) => {
  const { panel } = await sessionPanel({ open, ext, server });
  const json = await exportAs(panel, /^JSON close log$/);
  const dataTransfer = await panel.evaluateHandle(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, json);
  await panel.locator('.shell').dispatchEvent('dragover', { dataTransfer });
  await expect(panel.locator('.shell.dragging')).toHaveCount(1);
  await panel.locator('.shell').dispatchEvent('drop', { dataTransfer });
  await expect(panel.getByTestId('imported-banner')).toContainText(`Imported: ${json.name}`);
  await expect(panel.locator('.shell.dragging')).toHaveCount(0);
  expect(await readRows(panel)).toHaveLength(4);
});

test('hostile files get a clear message and never break the panel', async ({
  open,
  ext,
  server,
}, testInfo) => {
  const { panel } = await sessionPanel({ open, ext, server });
  const errors: string[] = [];
  panel.on('pageerror', (e) => errors.push(e.message));
  const log = await exportJson(panel);
  const alert = panel.getByRole('alert');
  const refuse = async (file: Parameters<typeof importFile>[1], message: string | RegExp) => {
    await importFile(panel, file);
    await expect(alert).toHaveText(message instanceof RegExp ? message : `${message} Dismiss`);
    await expect(panel.getByTestId('imported-banner')).toHaveCount(0);
    expect(await readRows(panel)).toHaveLength(4);
  };

  await refuse(
    { name: 'page.html', text: '<!doctype html><script>document.title="pwned"</script>' },
    /^Cannot open “page\.html”: it is not JSON \(/,
  );
  await refuse(
    { name: 'other.json', text: '{"hello":"world"}' },
    'Cannot open “other.json”: it is neither a WebSocket close log (no "format": "websocket-close-log") nor a HAR file.',
  );
  await refuse(
    { name: 'v2.json', text: JSON.stringify({ ...log, version: 2 }) },
    'Cannot open “v2.json”: it is a close log of version 2; this extension reads version 1.',
  );
  await refuse(
    {
      name: 'types.json',
      text: JSON.stringify({ ...log, sockets: [{ ...log.sockets[0], createdAt: 'yesterday' }] }),
    },
    /^Cannot open “types\.json”: it is not a valid close log at sockets\.0\.createdAt: Invalid type/,
  );
  await refuse(
    {
      name: 'deep.json',
      text: `{"format":"websocket-close-log","version":1,"exportedAt":"${log.exportedAt}","sockets":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    },
    /^Cannot open “deep\.json”: it is not a valid close log at sockets\.0/,
  );
  await refuse(
    {
      name: 'chrome.har',
      text: JSON.stringify({
        log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [] },
      }),
    },
    /it is a HAR file from WebInspector, not one exported by WebSocket Close Inspector/,
  );
  const huge = testInfo.outputPath('huge.json');
  await writeFile(huge, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20));
  await refuse(huge, 'Cannot open “huge.json”: it is 50.0 MB; the limit is 50.0 MB.');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // HTML in every string field renders as text.
  const html = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  const s = log.sockets[0]!;
  const hostile: CloseLog = {
    ...log,
    sockets: [
      {
        ...s,
        id: html,
        url: html,
        frameUrl: html,
        protocols: [html],
        protocol: html,
        extensions: html,
        close: { ...s.close!, reason: html, name: html, explanation: html },
        messages: [
          {
            t: s.createdAt,
            dir: 'received',
            kind: 'text',
            jsType: '<b>Blob</b>',
            size: 1,
            preview: html,
            truncated: false,
          },
        ],
      },
    ],
  };
  await importFile(panel, { name: `${html}.json`, text: JSON.stringify(hostile) });
  await expect(panel.getByTestId('imported-banner')).toContainText(`Imported: ${html}.json`);
  const [row] = await readRows(panel);
  expect(row).toMatchObject({ url: html, reason: html });
  await panel.locator('tr[data-socket-id]').click();
  await expect(panel.locator('.details')).toContainText(`requested ${html}; negotiated ${html}`);
  await panel.getByRole('tab', { name: /Messages/ }).click();
  await panel.locator('.message-row').click();
  await expect(panel.getByLabel('Selected message')).toContainText(html);
  expect(await panel.locator('img, script:not([src])').count()).toBe(0);
  expect(await panel.title()).toBe('WebSocket Close Inspector');
  expect(errors).toEqual([]);
});

test('the standalone viewer page opens close logs with no tab at all', async ({ open, ext, server }) => {
  const { panel } = await sessionPanel({ open, ext, server });
  const live = shown(await readRows(panel));
  const har = await exportAs(panel, /^HAR/);

  const viewer = await ext.context.newPage();
  await viewer.goto(`chrome-extension://${ext.extensionId}/viewer.html?theme=dark`);
  await expect(viewer.getByRole('heading', { name: 'WebSocket close log viewer' })).toBeVisible();
  await importFile(viewer, { name: 'broken.json', text: '{' });
  await expect(viewer.getByRole('alert')).toContainText('Cannot open “broken.json”: it is not JSON');
  await importFile(viewer, har);
  await expect(viewer.getByTestId('imported-banner')).toContainText(
    `Imported: ${har.name} (read-only HAR, 4 sockets, secrets redacted)`,
  );
  await expect(viewer.getByRole('button', { name: 'Back to the live tab' })).toHaveCount(0);
  expect(shown(await readRows(viewer))).toEqual(live);
  expect(await viewer.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await viewer.close();
});
