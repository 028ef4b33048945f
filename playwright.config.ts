import { defineConfig } from '@playwright/test';
import type { Engine } from './test/support/driver/driver';

// Each project's specs launch their own browser with the built extension: Chromium through
// Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi, which Playwright cannot do
// with a stock Firefox. test/e2e-both runs in both (its fixtures pick the driver by `engine`);
// test/e2e and test/e2e-firefox hold what only one browser can do.
export default defineConfig<unknown, { engine: Engine }>({
  testDir: 'test',
  projects: [
    {
      name: 'chromium',
      testMatch: ['e2e/**/*.spec.ts', 'e2e-both/**/*.spec.ts'],
      use: { engine: 'chromium' },
    },
    {
      name: 'firefox',
      testMatch: ['e2e-firefox/**/*.spec.ts', 'e2e-both/**/*.spec.ts'],
      use: { engine: 'firefox' },
    },
    // The npm package, packed and installed outside the repository (after `npm run build`); its
    // scratch project's own spec runs there, not here.
    { name: 'package', testMatch: ['package/*.spec.ts'] },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
});
