import { defineConfig } from 'vitest/config';

// Unit tests only: the Playwright suites under test/e2e run through `playwright test`.
export default defineConfig({
  test: { include: ['test/unit/**/*.test.{ts,tsx}'] },
});
