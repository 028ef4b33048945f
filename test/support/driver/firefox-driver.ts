import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension, KeptProfile } from '../firefox';
import { launchFirefoxWithExtension } from '../firefox';
import type { BrowserDriver, PageDriver } from './driver';
import { pageOps } from './page-ops';

/** The built extension in Firefox ESR, driven through puppeteer-core over WebDriver BiDi. */
export async function firefoxDriver(
  options: { profile?: KeptProfile } = {},
): Promise<BrowserDriver & { ff: FirefoxWithExtension }> {
  const ff = await launchFirefoxWithExtension(options);
  const files = await mkdtemp(join(tmpdir(), 'wsci-upload-'));
  const wrap = (page: Page): PageDriver => {
    // Puppeteer types evaluate's argument as a handle-flattened value: the same at run time.
    const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
    return {
      engine: 'firefox',
      ...pageOps({ evaluate, mouse: page.mouse, keyboard: page.keyboard }),
      url: () => page.url(),
      evaluate,
      reload: async () => void (await page.reload()),
      bringToFront: () => page.bringToFront(),
      setSize: (width, height) => page.setViewport({ width, height }),
      screenshot: async (path) => {
        // The panel renders in animation frames, which Firefox runs only in the tab in front.
        await page.bringToFront();
        await page.screenshot({ path: path });
      },
      close: () => page.close(),
      async setInputFile(css, file) {
        const path = typeof file === 'string' ? file : join(files, file.name);
        if (typeof file !== 'string') await writeFile(path, file.text);
        const input = await page.$<'input'>(css as 'input');
        if (!input) throw new Error(`no ${css}`);
        await input.uploadFile(path);
      },
      async readClipboard() {
        // Firefox's testing preference (see firefox.ts) lets a page read it without a prompt.
        await page.bringToFront();
        return evaluate(() => navigator.clipboard.readText(), null);
      },
      download: (action) => ff.download(action),
    };
  };
  const rendered = async (page: Page) => {
    await page.bringToFront();
    return wrap(page);
  };
  return {
    engine: 'firefox',
    ff,
    async open(url, options = {}) {
      const page = await ff.browser.newPage();
      if (options.initScript) await page.evaluateOnNewDocument(options.initScript.fn, options.initScript.arg);
      await page.goto(url);
      return { page: wrap(page), tabId: await ff.tabIdOf(page) };
    },
    async openPanel(tabId, options = {}) {
      const theme = options.theme ? `&theme=${options.theme}` : '';
      return rendered(await ff.openExtensionPage(`panel.html?tabId=${tabId}${theme}`, options.size));
    },
    async openViewer(options = {}) {
      return rendered(
        await ff.openExtensionPage(`viewer.html${options.theme ? `?theme=${options.theme}` : ''}`),
      );
    },
    badgeText: (tabId) => ff.badgeText(tabId),
    async close() {
      await ff.close();
      await rm(files, { recursive: true, force: true });
    },
  };
}
