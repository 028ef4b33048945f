import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox';
import type { FirefoxWithExtension } from '../support/firefox';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';

let pageCounter = 0;

/**
 * The Firefox counterpart of test/e2e/fixtures.ts: one Firefox ESR with the built extension and
 * one scenario server per worker; each test gets a fresh page at a unique URL (so its tab id can
 * be found), and the tabs it opened are closed after it.
 */
export const test = base.extend<
  { open(path: string): Promise<{ page: Page; tabId: number }>; openPanel(tabId: number): Promise<Page> },
  { ff: FirefoxWithExtension; server: ScenarioServer }
>({
  server: [
    async ({}, use) => {
      const server = await startScenarioServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ff: [
    async ({}, use) => {
      const ff = await launchFirefoxWithExtension();
      await use(ff);
      await ff.close();
    },
    { scope: 'worker' },
  ],
  open: async ({ ff, server }, use) => {
    const pages: Page[] = [];
    await use(async (path) => {
      const page = await ff.browser.newPage();
      pages.push(page);
      const sep = path.includes('?') ? '&' : '?';
      await page.goto(`${server.http}/${path}${sep}run=${process.pid}-${++pageCounter}`);
      return { page, tabId: await ff.tabIdOf(page) };
    });
    for (const page of pages) await page.close();
  },
  openPanel: async ({ ff }, use) => {
    const panels: Page[] = [];
    await use(async (tabId) => {
      const panel = await ff.openPanel(tabId);
      panels.push(panel);
      return panel;
    });
    for (const panel of panels) await panel.close();
  },
});

export { expect };
