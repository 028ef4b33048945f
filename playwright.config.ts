import { defineConfig } from '@playwright/test';

// Each project's specs launch their own browser with the built extension: Chromium through
// Playwright (test/e2e/fixtures.ts), Firefox ESR through puppeteer-core over WebDriver BiDi
// (test/e2e-firefox/fixtures.ts), which Playwright cannot do with a stock Firefox.
export default defineConfig({
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    { name: 'firefox', testDir: 'test/e2e-firefox' },
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
});
