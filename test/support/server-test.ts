import { test as base } from '@playwright/test';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';

let pageCounter = 0;

/**
 * The base of both browsers' fixtures: one scenario server per worker, and page URLs no other
 * test uses, so a test can find its page's tab among all the browser's tabs by URL.
 */
export const serverTest = base.extend<{ pageUrl(path: string): string }, { server: ScenarioServer }>({
  server: [
    async ({}, use) => {
      const server = await startScenarioServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  pageUrl: async ({ server }, use) => {
    await use(
      (path) => `${server.http}/${path}${path.includes('?') ? '&' : '?'}run=${process.pid}-${++pageCounter}`,
    );
  },
});
