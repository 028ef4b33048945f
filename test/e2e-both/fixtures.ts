import { expect } from '@playwright/test';
import type { AppProtocolSession } from '../fixtures/libraries/app-protocol-sessions';
import type { LibraryServer } from '../fixtures/libraries/library-server';
import type { SessionWindow, Transcript } from '../fixtures/libraries/transcript';
import type { BrowserDriver, Engine, PageDriver } from '../support/driver/driver';
import { chromiumDriver } from '../support/driver/chromium-driver';
import { firefoxDriver } from '../support/driver/firefox-driver';
import { serverTest } from '../support/server-test';

let runs = 0;

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
    /**
     * A client library's scripted session, bundled with its library, run in a new tab against
     * its server on 127.0.0.1 until the session ends; the server stops after the test.
     */
    runLibrary(
      session: AppProtocolSession,
    ): Promise<{ page: PageDriver; tabId: number; transcript: Transcript }>;
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
  runLibrary: async ({ driver }, use) => {
    const started: { server: LibraryServer; page?: PageDriver }[] = [];
    await use(async (session) => {
      const run = `${process.pid}-${++runs}`;
      const entry: (typeof started)[number] = { server: await session.start() };
      started.push(entry);
      const { page, tabId } = await driver.open(`${entry.server.http}/?run=${run}`);
      entry.page = page;
      const transcript = await page.evaluate(
        ([base, r]) => (window as unknown as SessionWindow).runSession(base, r),
        [entry.server.ws, run] as const,
      );
      return { page, tabId, transcript };
    });
    for (const { server, page } of started) {
      await page?.close().catch(() => undefined);
      await server.close();
    }
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
