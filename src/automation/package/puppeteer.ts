import type { CloseLogOptions } from '../../export/close-log';
import { closedWith, noAbnormalCloses } from '../matchers';
import type { MatcherResult, UrlPattern } from '../matchers';
import type { CloseLogTarget } from '../read-close-log';
import { RECORDER_SOURCE } from './recorder';

/** The part of a Puppeteer Page used here: the same in puppeteer and puppeteer-core, CDP and BiDi. */
export interface PuppeteerPageLike {
  evaluateOnNewDocument(source: string): Promise<unknown>;
}

/**
 * Records every WebSocket of the page, in every frame, from its first script: call it before
 * `page.goto`. Over WebDriver BiDi (Firefox) Puppeteer makes it a preload script.
 */
export async function recordCloses(page: PuppeteerPageLike): Promise<void> {
  await page.evaluateOnNewDocument(RECORDER_SOURCE);
}

/**
 * Matchers for Jest's or Vitest's `expect.extend(closeLogMatchers)`:
 * `await expect(page).toHaveNoAbnormalCloses()`, `await expect(page).toHaveClosedWith('/feed', 1000)`
 * (it waits for the close, 5 s unless `{ timeout }` says otherwise).
 */
export const closeLogMatchers = {
  toHaveNoAbnormalCloses(target: CloseLogTarget, options?: CloseLogOptions): Promise<MatcherResult> {
    return noAbnormalCloses(target, options);
  },
  toHaveClosedWith(
    this: { isNot?: boolean } | undefined,
    target: CloseLogTarget,
    url: UrlPattern,
    code: number,
    { timeout = 5000, ...options }: CloseLogOptions & { timeout?: number } = {},
  ): Promise<MatcherResult> {
    return closedWith(target, url, code, { ...options, timeout, negated: this?.isNot === true });
  },
};

/** The close log and its abnormal closes, as from the main entry: here too for Puppeteer suites. */
export { abnormalCloses, readCloseLog } from '../read-close-log';
export type { MatcherResult };
