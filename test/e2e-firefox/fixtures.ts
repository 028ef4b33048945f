import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox';
import type { FirefoxWithExtension } from '../support/firefox';
import { serverTest } from '../support/server-test';

/**
 * The Firefox counterpart of test/e2e/fixtures.ts: one Firefox ESR with the built extension per
 * worker (and the worker's scenario server); each test opens its page at a unique URL (so its
 * tab id can be found) and panels as it needs, and the tabs it opened are closed after it.
 */
export const test = serverTest.extend<
  {
    tabs: Page[];
    open(path: string): Promise<{ page: Page; tabId: number }>;
    openPanel(tabId: number): Promise<Page>;
  },
  { ff: FirefoxWithExtension }
>({
  ff: [
    async ({}, use) => {
      const ff = await launchFirefoxWithExtension();
      await use(ff);
      await ff.close();
    },
    { scope: 'worker' },
  ],
  tabs: async ({}, use) => {
    const tabs: Page[] = [];
    await use(tabs);
    for (const tab of tabs) await tab.close();
  },
  open: async ({ ff, tabs, pageUrl }, use) => {
    await use(async (path) => {
      const page = await ff.browser.newPage();
      tabs.push(page);
      await page.goto(pageUrl(path));
      return { page, tabId: await ff.tabIdOf(page) };
    });
  },
  openPanel: async ({ ff, tabs }, use) => {
    await use(async (tabId) => {
      const panel = await ff.openPanel(tabId);
      tabs.push(panel);
      return panel;
    });
  },
});

export { expect };
