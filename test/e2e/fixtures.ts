import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { launchWithExtension, launchWithoutExtension } from '../support/chromium';
import type { ExtensionBrowser, PlainBrowser } from '../support/chromium';
import { serverTest } from '../support/server-test';

/**
 * One Chromium with the built extension per worker (and the worker's scenario server); each test
 * gets a fresh page at a unique URL (so its tab id can be found) and opens panels as it needs,
 * closed with its page.
 * `plain` is the same Chromium without the extension, started only by tests that compare
 * against it.
 */
export const test = serverTest.extend<
  { page: Page; open(path: string): Promise<{ page: Page; tabId: number }> },
  { ext: ExtensionBrowser; plain: PlainBrowser }
>({
  ext: [
    async ({}, use) => {
      const ext = await launchWithExtension();
      await use(ext);
      await ext.close();
    },
    { scope: 'worker' },
  ],
  plain: [
    async ({}, use) => {
      const plain = await launchWithoutExtension();
      await use(plain);
      await plain.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ ext }, use) => {
    const before = new Set(ext.context.pages());
    const page = await ext.context.newPage();
    await use(page);
    // The panels and other tabs the test opened go with it: the worker's browser runs many tests.
    for (const opened of ext.context.pages()) if (!before.has(opened)) await opened.close();
  },
  open: async ({ page, ext, pageUrl }, use) => {
    await use(async (path) => {
      await page.goto(pageUrl(path));
      return { page, tabId: await ext.tabIdOf(page) };
    });
  },
});

export { expect };
