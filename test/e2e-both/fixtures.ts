import { expect } from '@playwright/test';
import type { BrowserDriver, Engine, PageDriver } from '../support/driver/driver';
import { chromiumDriver } from '../support/driver/chromium-driver';
import { firefoxDriver } from '../support/driver/firefox-driver';
import { serverTest } from '../support/server-test';

/**
 * Specs that run in both browsers: the project (playwright.config.ts) names the engine; each
 * worker starts that browser with the built extension; each test opens pages and panels through
 * the driver, and they are closed after it.
 */
export const test = serverTest.extend<
  {
    open(path: string): Promise<{ page: PageDriver; tabId: number }>;
    openPanel(tabId: number, options?: Parameters<BrowserDriver['openPanel']>[1]): Promise<PageDriver>;
    openViewer(options?: Parameters<BrowserDriver['openViewer']>[0]): Promise<PageDriver>;
  },
  { engine: Engine; driver: BrowserDriver }
>({
  engine: ['chromium', { scope: 'worker', option: true }],
  driver: [
    async ({ engine }, use) => {
      const driver = engine === 'firefox' ? await firefoxDriver() : await chromiumDriver();
      await use(driver);
      await driver.close();
    },
    { scope: 'worker' },
  ],
  open: async ({ driver, pageUrl }, use) => {
    const opened: PageDriver[] = [];
    await use(async (path) => {
      const result = await driver.open(pageUrl(path));
      opened.push(result.page);
      return result;
    });
    for (const page of opened) await page.close().catch(() => undefined);
  },
  openPanel: async ({ driver }, use) => {
    const opened: PageDriver[] = [];
    await use(async (tabId, options) => {
      const panel = await driver.openPanel(tabId, options);
      opened.push(panel);
      return panel;
    });
    for (const page of opened) await page.close().catch(() => undefined);
  },
  openViewer: async ({ driver }, use) => {
    const opened: PageDriver[] = [];
    await use(async (options) => {
      const viewer = await driver.openViewer(options);
      opened.push(viewer);
      return viewer;
    });
    for (const page of opened) await page.close().catch(() => undefined);
  },
});

export { expect };
