import { defineConfig } from '@playwright/test';

// The Chromium the repository's tests use (no browser download in the scratch project).
export default defineConfig({
  testDir: '.',
  reporter: [['json', { outputFile: 'report.json' }]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROME_PATH,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    },
  },
});
