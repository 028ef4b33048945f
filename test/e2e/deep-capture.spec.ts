import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { CloseLogSocket } from '../../src/export/close-log-schema';
import { launchWithExtension } from '../support/chromium';
import type { ExtensionBrowser } from '../support/chromium';
import { schemaErrors } from '../support/close-log-schema';
import { serverTest } from '../support/server-test';
import { exportJson, readRows } from './panel-reader';

/**
 * Deep capture (Chromium): the test-only build, with `debugger` granted at install, as no
 * headless browser can click the permission prompt the shipped build shows at the switch.
 */
const test = serverTest.extend<{ page: Page }, { deep: ExtensionBrowser }>({
  deep: [
    async ({}, use) => {
      const deep = await launchWithExtension({ deepCapture: true });
      await use(deep);
      await deep.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ deep }, use) => {
    const before = new Set(deep.context.pages());
    const page = await deep.context.newPage();
    await use(page);
    for (const opened of deep.context.pages()) if (!before.has(opened)) await opened.close();
  },
});

interface WorkerClose {
  kind: 'dedicated' | 'shared' | 'service';
  url: string;
  code: number;
  reason: string;
  wasClean: boolean;
}

/** The fixture page, whose workers and sockets the tests start; its tab id. */
async function openFixture(deep: ExtensionBrowser, page: Page, pageUrl: (path: string) => string) {
  await page.goto(pageUrl('deep-capture.html'));
  return deep.tabIdOf(page);
}

const switchOf = (panel: Page) => panel.getByTestId('deep-capture');

/** Whether the extension's own debugger holds the tab: attaching again fails while it does. */
async function debuggerHolds(deep: ExtensionBrowser, tabId: number): Promise<boolean> {
  return deep.extensionPage.evaluate(async (id) => {
    try {
      await chrome.debugger.attach({ tabId: id }, '1.3');
    } catch {
      return true;
    }
    await chrome.debugger.detach({ tabId: id });
    return false;
  }, tabId);
}

test('deep capture records every kind of worker’s sockets as their CloseEvents said, and what Chromium hides about the page’s', async ({
  page,
  deep,
  pageUrl,
}) => {
  const tabId = await openFixture(deep, page, pageUrl);
  // A worker started before the switch: its sockets opened after it are recorded.
  await page.evaluate(() => window.startDedicated('go'));
  const panel = await deep.openPanel(tabId);
  expect(await debuggerHolds(deep, tabId)).toBe(false);
  await switchOf(panel).check();
  const banner = panel.getByTestId('deep-capture-on');
  await expect(banner).toContainText('started debugging this browser');
  await expect(banner).toContainText('1 dedicated');
  await page.evaluate(() => window.go('dedicated'));
  // Started after it: held before its script runs, so even sockets opened at its start are recorded.
  await page.evaluate(() => window.startDedicated('start'));
  await page.evaluate(() => window.startShared('go'));
  await expect(banner).toContainText('1 shared');
  await page.evaluate(() => window.go('shared'));
  await page.evaluate(() => window.startService());
  await expect(banner).toContainText('1 service');
  await page.evaluate(() => window.go('service'));
  const pageCloses = await page.evaluate(() => window.pageSockets());

  await expect.poll(() => page.evaluate(() => window.workerCloses.length), { timeout: 15_000 }).toBe(12);
  const truth = await page.evaluate(() => window.workerCloses as WorkerClose[]);
  let log = await exportJson(panel);
  await expect
    .poll(
      async () => {
        log = await exportJson(panel);
        return log.sockets.filter((s) => s.close !== null).length;
      },
      { timeout: 10_000 },
    )
    .toBe(14);
  expect(schemaErrors(log)).toBe('');

  for (const close of truth) {
    const s = log.sockets.find((x) => x.url === close.url);
    expect(s?.worker, close.url).toEqual({
      kind: close.kind,
      url: expect.stringContaining('/deep-capture-worker.js'),
    });
    expect(s?.close).toMatchObject({ code: close.code, reason: close.reason, wasClean: close.wasClean });
  }
  expect(new Set(truth.map((c) => `${c.kind}:${c.code}`))).toEqual(
    new Set(['dedicated', 'shared', 'service'].flatMap((k) => [`${k}:1000`, `${k}:4001`, `${k}:1006`])),
  );

  const refused = log.sockets.find((s) => s.url.endsWith('/ws/status?code=403')) as CloseLogSocket;
  expect(pageCloses.find((c) => c.url === refused.url)).toMatchObject({ code: 1006, wasClean: false });
  expect(refused.worker).toBeNull();
  // Measured in Chromium 156.0.8078.108: the DevTools protocol reports the refused upgrade with an
  // empty message and no response, so deep capture has nothing to add to what webRequest said.
  expect(refused.wire).toBeNull();
  const forbidden = log.sockets.find((s) => s.url.endsWith('/ws/close?code=1006&raw=1')) as CloseLogSocket;
  expect(forbidden.close).toMatchObject({ code: 1006, wasClean: false });
  expect(forbidden.wire?.error).toContain('reserved status code');
  expect(forbidden.close?.explanation).toContain('close frame carrying a reserved code');

  // The table tags each worker's sockets, like subframes'.
  const rows = await readRows(panel);
  const urlCells = await panel.locator('tr[data-socket-id] td[data-col="url"]').allTextContents();
  expect(rows).toHaveLength(14);
  for (const tag of ['worker', 'shared worker', 'service worker'])
    expect(urlCells.filter((text) => text.startsWith(tag))).toHaveLength(tag === 'worker' ? 6 : 3);

  // The URL filter finds a worker's sockets by the worker's URL too.
  await panel.getByPlaceholder(/Filter URL/).fill('deep-capture-worker.js');
  await expect(panel.locator('tr[data-socket-id]')).toHaveCount(12);

  await switchOf(panel).uncheck();
  await expect(banner).toBeHidden();
  await expect.poll(() => debuggerHolds(deep, tabId)).toBe(false);
});

test('with deep capture off nothing attaches, and worker sockets are not listed', async ({
  page,
  deep,
  pageUrl,
}) => {
  const tabId = await openFixture(deep, page, pageUrl);
  const panel = await deep.openPanel(tabId);
  await expect(switchOf(panel)).not.toBeChecked();
  await page.evaluate(() => window.startDedicated('start'));
  await page.evaluate(() => window.pageSockets());
  await expect.poll(() => page.evaluate(() => window.workerCloses.length)).toBe(3);
  expect(await debuggerHolds(deep, tabId)).toBe(false);
  await expect.poll(async () => (await exportJson(panel)).sockets.length).toBe(2);
  const log = await exportJson(panel);
  expect(log.sockets.map((s) => [s.worker, s.wire])).toEqual([
    [null, null],
    [null, null],
  ]);
});

test('deep capture goes off, and says why, when DevTools closes or the tab goes away', async ({
  page,
  deep,
  pageUrl,
}) => {
  const tabId = await openFixture(deep, page, pageUrl);
  let panel = await deep.openPanel(tabId);
  await switchOf(panel).check();
  await expect(panel.getByTestId('deep-capture-on')).toBeVisible();
  await panel.close();
  await expect.poll(() => debuggerHolds(deep, tabId)).toBe(false);

  panel = await deep.openPanel(tabId);
  await expect(switchOf(panel)).not.toBeChecked();
  await switchOf(panel).check();
  await expect(panel.getByTestId('deep-capture-on')).toBeVisible();
  await page.close();
  await expect(panel.getByTestId('deep-capture-off')).toContainText('the tab went away');
  await expect(switchOf(panel)).not.toBeChecked();
});

test('the Chrome build that ships has no debugger and no switch: the panel says worker sockets need the deep capture build', async ({
  pageUrl,
}) => {
  const shipped = await launchWithExtension();
  try {
    const page = await shipped.context.newPage();
    await page.goto(pageUrl('deep-capture.html'));
    const panel = await shipped.openPanel(await shipped.tabIdOf(page));
    await expect(panel.getByTestId('no-worker-sockets')).toHaveText(
      'Worker sockets: need the deep capture build',
    );
    await expect(switchOf(panel)).toHaveCount(0);
    expect(await shipped.extensionPage.evaluate(() => typeof chrome.debugger)).toBe('undefined');
  } finally {
    await shipped.close();
  }
});
