import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { launchWithExtension, launchWithoutExtension } from '../support/chromium';
import type { ExtensionBrowser, PlainBrowser } from '../support/chromium';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';

let pageCounter = 0;

/**
 * One Chromium with the built extension and one scenario server per worker; each test gets a
 * fresh page at a unique URL (so its tab id can be found) and opens panels as it needs. `plain`
 * is the same Chromium without the extension, started only by tests that compare against it.
 */
export const test = base.extend<
  { page: Page; open(path: string): Promise<{ page: Page; tabId: number }> },
  { ext: ExtensionBrowser; plain: PlainBrowser; server: ScenarioServer }
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
  plain: [
    async ({}, use) => {
      const plain = await launchWithoutExtension();
      await use(plain);
      await plain.close();
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
