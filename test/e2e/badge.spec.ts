import type { Page } from '@playwright/test';
import { stopServiceWorker } from '../support/service-worker';
import { expect, test } from './fixtures';
import { watchSocket } from '../support/page-scripts';

// What the badge counts, and when it starts again, runs in both browsers
// (test/e2e-both/badge.spec.ts). Stopping the service worker needs Chromium's CDP, so this stays here.
const drop = (page: Page, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/terminate` });

test('the toolbar badge keeps its count across a service worker restart', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const badge = () => ext.extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await drop(page, server.ws);
  await drop(page, server.ws);
  await expect.poll(badge).toBe('2');

  await stopServiceWorker(ext.extensionPage);
  await drop(page, server.ws);
  await expect.poll(badge).toBe('3');
});
