import { writeFile } from 'node:fs/promises';
import type { CloseLog } from '../../src/export/close-log';
import { MAX_IMPORT_BYTES } from '../../src/import/close-log-file';
import type { PageDriver } from '../support/driver/driver';
import { watchSocket } from '../support/page-scripts';
import type { PanelRow } from '../support/panel-rows';
import { expect, test } from './fixtures';
import { exportAs, exportJson, importFile, readRows } from './panel-actions';

/** A few sockets that close in different ways, for a log worth importing. */
async function session(page: PageDriver, ws: string): Promise<void> {
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
  openPanel,
  server,
}: Pick<Fixtures, 'open' | 'openPanel' | 'server'>): Promise<{ page: PageDriver; panel: PageDriver }> {
  const { page, tabId } = await open('blank.html');
  await session(page, server.ws);
  const panel = await openPanel(tabId);
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

const banner = '[data-testid="imported-banner"]';

test('import round trip: an exported JSON log and HAR show the same sockets, read-only and marked as imported', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, panel } = await sessionPanel({ open, openPanel, server });
  const live = shown(await readRows(panel));
  const json = await exportAs(panel, /^JSON close log with message previews/);
  const har = await exportAs(panel, /^HAR/);

  await importFile(panel, json);
  await expect
    .poll(() => panel.text(banner))
    .toContain(`Imported: ${json.name} (read-only close log, 4 sockets, secrets redacted)`);
  expect(shown(await readRows(panel))).toEqual(live);
  // Read-only: nothing to pause, clear or inject into.
  const liveButtons = await panel.evaluate(
    () =>
      [...document.querySelectorAll('button')].filter((b) => /Pause|Clear$/.test(b.textContent ?? '')).length,
    null,
  );
  expect(liveButtons).toBe(0);
  await panel.click({ css: 'tr[data-socket-id] [data-col="url"]', text: '/ws/echo' });
  await expect.poll(() => panel.count('[aria-label="Selected socket"]')).toBe(1);
  expect(await panel.count('[role="group"][aria-label="Fault controls"]')).toBe(0);
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await expect.poll(() => panel.count('.message-row')).toBe(2);
  // What the import shows exports back to the same sockets.
  const reexported = await exportJson(panel);
  expect(reexported.sockets).toEqual(
    (JSON.parse(json.text) as CloseLog).sockets.map(({ messages: _m, ...s }) => s),
  );

  await importFile(panel, har);
  await expect
    .poll(() => panel.text(banner))
    .toContain(`Imported: ${har.name} (read-only HAR, 4 sockets, secrets redacted)`);
  expect(shown(await readRows(panel))).toEqual(live);

  // Back to the live tab, which kept recording meanwhile.
  await panel.click({ css: `${banner} button`, text: 'Back to the live tab' });
  await expect.poll(() => panel.count(banner)).toBe(0);
  await page.evaluate(watchSocket, { url: `${server.ws}/ws/close?code=1000` });
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});

test('drag and drop opens a close log too', async ({ open, openPanel, server }) => {
  const { panel } = await sessionPanel({ open, openPanel, server });
  const json = await exportAs(panel, /^JSON close log$/);
  /** Runs in the panel: a drag event carrying the file, as the browser fires it for a drop. */
  const drag = (type: 'dragover' | 'drop') =>
    panel.evaluate(
      ({ type: t, name, text }) => {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([text], name, { type: 'application/json' }));
        const event = new DragEvent(t, { dataTransfer, bubbles: true, cancelable: true, composed: true });
        document.querySelector('.shell')?.dispatchEvent(event);
      },
      { type, ...json },
    );
  await drag('dragover');
  await expect.poll(() => panel.count('.shell.dragging')).toBe(1);
  await drag('drop');
  await expect.poll(() => panel.text(banner)).toContain(`Imported: ${json.name}`);
  expect(await panel.count('.shell.dragging')).toBe(0);
  expect(await readRows(panel)).toHaveLength(4);
});

test('hostile files get a clear message and never break the panel', async ({
  open,
  openPanel,
  server,
}, testInfo) => {
  const { panel } = await sessionPanel({ open, openPanel, server });
  // What the panel's own code throws and does not catch, as the browser reports it.
  await panel.evaluate(() => {
    const errors: string[] = [];
    (window as unknown as { errors: string[] }).errors = errors;
    window.addEventListener('error', (e) => errors.push(e.message));
    window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  }, null);
  const log = await exportJson(panel);
  const alert = '[role="alert"]';
  const refuse = async (file: Parameters<typeof importFile>[1], message: string | RegExp) => {
    await importFile(panel, file);
    if (message instanceof RegExp) await expect.poll(() => panel.text(alert)).toMatch(message);
    else await expect.poll(() => panel.text(alert)).toBe(`${message} Dismiss`);
    expect(await panel.count(banner)).toBe(0);
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
  await panel.click({ css: `${alert} button`, text: 'Dismiss' });
  await expect.poll(() => panel.count(alert)).toBe(0);

  // HTML in every string field renders as text.
  const html = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  // A file on disk (Firefox opens files from disk) cannot have a "/" in its name: the name
  // carries the HTML that would run.
  const fileName = '<img src=x onerror="document.title=\'pwned\'">.json';
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
  await importFile(panel, { name: fileName, text: JSON.stringify(hostile) });
  await expect.poll(() => panel.text(banner)).toContain(`Imported: ${fileName}`);
  const [row] = await readRows(panel);
  expect(row).toMatchObject({ url: html, reason: html });
  await panel.click('tr[data-socket-id] [data-col="url"]');
  await expect.poll(() => panel.text('.details')).toContain(`requested ${html}; negotiated ${html}`);
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await panel.click('.message-row');
  await expect.poll(() => panel.text('[aria-label="Selected message"]')).toContain(html);
  expect(await panel.count('img, script:not([src])')).toBe(0);
  expect(await panel.evaluate(() => document.title, null)).toBe('WebSocket Close Inspector');
  expect(await panel.evaluate(() => (window as unknown as { errors: string[] }).errors, null)).toEqual([]);
});

test('the standalone viewer page opens close logs with no tab at all', async ({
  open,
  openPanel,
  openViewer,
  server,
}) => {
  const { panel } = await sessionPanel({ open, openPanel, server });
  const live = shown(await readRows(panel));
  const har = await exportAs(panel, /^HAR/);

  const viewer = await openViewer({ theme: 'dark' });
  expect(await viewer.text('h1')).toBe('WebSocket close log viewer');
  await importFile(viewer, { name: 'broken.json', text: '{' });
  await expect
    .poll(() => viewer.text('[role="alert"]'))
    .toContain('Cannot open “broken.json”: it is not JSON');
  await importFile(viewer, har);
  await expect
    .poll(() => viewer.text(banner))
    .toContain(`Imported: ${har.name} (read-only HAR, 4 sockets, secrets redacted)`);
  expect(await viewer.count(`${banner} button`)).toBe(0);
  expect(shown(await readRows(viewer))).toEqual(live);
  expect(await viewer.evaluate(() => document.documentElement.dataset.theme, null)).toBe('dark');
});
