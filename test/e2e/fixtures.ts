import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../support/chromium';
import type { ExtensionBrowser } from '../support/chromium';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';

let pageCounter = 0;

/**
 * One Chromium with the built extension and one scenario server per worker; each test gets a
 * fresh page at a unique URL (so its tab id can be found) and opens panels as it needs.
 */
export const test = base.extend<
  { page: Page; open(path: string): Promise<{ page: Page; tabId: number }> },
  { ext: ExtensionBrowser; server: ScenarioServer }
>({
  server: [
    async ({}, use) => {
      const server = await startScenarioServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: [
    async ({}, use) => {
      const ext = await launchWithExtension();
      await use(ext);
      await ext.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    await use(page);
    await page.close();
  },
  open: async ({ page, ext, server }, use) => {
    await use(async (path) => {
      const sep = path.includes('?') ? '&' : '?';
      await page.goto(`${server.http}/${path}${sep}run=${process.pid}-${++pageCounter}`);
      return { page, tabId: await ext.tabIdOf(page) };
    });
  },
});

export { expect };
