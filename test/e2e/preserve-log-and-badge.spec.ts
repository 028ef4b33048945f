import type { Page } from '@playwright/test';
import { stopServiceWorker } from '../support/service-worker';
import { expect, test } from './fixtures';
import { readRows } from './panel-reader';
import { watchSocket } from '../support/page-scripts';

const drop = (page: Page, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/terminate` });
const fine = (page: Page, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/close?code=1000` });

test('without Preserve log a navigation starts a fresh list; with it, earlier sockets stay behind a separator', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await fine(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(1);
  await page.reload();
  await expect.poll(async () => (await readRows(panel)).length).toBe(0);
  await fine(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(1);

  await panel.getByLabel('Preserve log').check();
  await page.reload();
  await fine(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(2);
  await expect(panel.locator('tr.navigation')).toHaveCount(1);
  await expect(panel.locator('tr.navigation')).toContainText(`Navigated to ${page.url()}`);
  expect(new Set((await readRows(panel)).map((r) => r.id.split(':')[0])).size).toBe(2);
  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(async () => (await readRows(panel)).length).toBe(0);
  await expect(panel.locator('tr.navigation')).toHaveCount(0);
});

test('the toolbar badge counts abnormal closes with DevTools closed, across a service worker restart', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const badge = () => ext.extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await drop(page, server.ws);
  await fine(page, server.ws);
  await drop(page, server.ws);
  await expect.poll(badge).toBe('2');

  await stopServiceWorker(ext.extensionPage);
  await drop(page, server.ws);
  await expect.poll(badge).toBe('3');

  // A navigation starts the count again.
  await page.reload();
  await drop(page, server.ws);
  await expect.poll(badge).toBe('1');

  // Unless an open panel preserves the log.
  const panel = await ext.openPanel(tabId);
  await panel.getByLabel('Preserve log').check();
  await page.reload();
  await drop(page, server.ws);
  await expect.poll(badge).toBe('2');
  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(badge).toBe('');
});
