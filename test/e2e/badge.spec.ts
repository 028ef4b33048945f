import type { Page } from '@playwright/test';
import { stopServiceWorker } from '../support/service-worker';
import { expect, test } from './fixtures';
import { watchSocket } from '../support/page-scripts';

const drop = (page: Page, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/terminate` });
const fine = (page: Page, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/close?code=1000` });

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
