import { expect as baseExpect, test as base } from '@playwright/test';
import type {
  BrowserContext,
  Expect,
  ExpectMatcherState,
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test';
import type { CloseLogOptions } from '../../export/close-log';
import type { CloseLog, CloseLogSocket } from '../../export/close-log-schema';
import { closedWith, noAbnormalCloses } from '../matchers';
import type { UrlPattern } from '../matchers';
import { abnormalCloses, readCloseLog } from '../read-close-log';
import { RECORDER_PATH } from './recorder';

export interface CloseLogFixture {
  /** The close log of every page and frame of the test's context, as the extension would export it. */
  read(options?: CloseLogOptions): Promise<CloseLog>;
  /** Its abnormal closes (a close a tester injected is never one). */
  abnormal(options?: CloseLogOptions): Promise<CloseLogSocket[]>;
}

/**
 * Playwright's `test` with the recorder in every page and frame of the context from its first
 * script, a `closeLog` fixture, and the close log attached to a failed test's report.
 */
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & { closeLog: CloseLogFixture },
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<{ closeLog: CloseLogFixture }>({
  context: async ({ context }, use) => {
    await context.addInitScript({ path: RECORDER_PATH });
    await use(context);
  },
  page: async ({ page }, use, testInfo) => {
    await use(page);
    // While the page is still open: what its sockets did is what a failure report needs.
    if (testInfo.status !== testInfo.expectedStatus) {
      const log = await readCloseLog(page.context()).catch(() => null);
      if (log)
        await testInfo.attach('websocket-close-log.json', {
          body: JSON.stringify(log, null, 2),
          contentType: 'application/json',
        });
    }
  },
  closeLog: async ({ context }, use) => {
    await use({
      read: (options) => readCloseLog(context, options),
      abnormal: async (options) => abnormalCloses(await readCloseLog(context, options)),
    });
  },
});

const matchers = {
  async toHaveNoAbnormalCloses(
    this: ExpectMatcherState,
    target: Page | BrowserContext,
    options?: CloseLogOptions,
  ) {
    const { pass, message } = await noAbnormalCloses(target, options);
    return { pass, message, name: 'toHaveNoAbnormalCloses' };
  },
  async toHaveClosedWith(
    this: ExpectMatcherState,
    target: Page | BrowserContext,
    url: UrlPattern,
    code: number,
    options: CloseLogOptions & { timeout?: number } = {},
  ) {
    const { timeout = this.timeout, ...rest } = options;
    const { pass, message } = await closedWith(target, url, code, { ...rest, timeout, negated: this.isNot });
    return { pass, message, name: 'toHaveClosedWith', expected: code };
  },
};

/**
 * Playwright's `expect` with close log matchers, for a page (its frames) or a browser context
 * (its pages): `await expect(page).toHaveNoAbnormalCloses()` and
 * `await expect(page).toHaveClosedWith('/feed', 1000)` (a URL substring or a RegExp; it waits
 * for the close up to the expect timeout).
 */
export const expect: Expect<typeof matchers> = baseExpect.extend(matchers);
