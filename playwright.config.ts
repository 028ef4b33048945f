import { defineConfig } from '@playwright/test';

// Every spec launches its own Chromium with the built extension (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
});
