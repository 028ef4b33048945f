import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../chromium';
import { launchWithExtension } from '../chromium';
import type { BrowserDriver, InitScript, PageDriver } from './driver';
import { pageOps } from './page-ops';
import type { RawPage } from './page-ops';

/** The built extension in Chromium, driven through Playwright. */
export async function chromiumDriver(
  options: { profile?: string } = {},
): Promise<BrowserDriver & { ext: ExtensionBrowser }> {
  const ext = await launchWithExtension(options);
  const rendered = async (page: Page) => {
    await page.locator('#root > *').first().waitFor();
    return wrap(page);
  };
  return {
    engine: 'chromium',
    ext,
    async open(url, options = {}) {
      const page = await ext.context.newPage();
      // Playwright types the argument as it arrives (serialised): the same plain data here.
      const init = options.initScript as InitScript<unknown> | undefined;
      if (init) await page.addInitScript(init.fn, init.arg);
      await page.goto(url);
      return { page: wrap(page), tabId: await ext.tabIdOf(page) };
    },
    async openPanel(tabId, options = {}) {
      return rendered(await ext.openPanel(tabId, options.theme, options.size));
    },
    async openViewer(options = {}) {
      const page = await ext.context.newPage();
      await page.goto(
        `chrome-extension://${ext.extensionId}/viewer.html${options.theme ? `?theme=${options.theme}` : ''}`,
      );
      return rendered(page);
    },
    badgeText: (tabId) =>
      ext.extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    close: () => ext.close(),
  };
}

function wrap(page: Page): PageDriver {
  const raw: RawPage = page;
  return {
    engine: 'chromium',
    ...pageOps(raw),
    url: () => page.url(),
    evaluate: (fn, arg) => raw.evaluate(fn, arg),
    reload: async () => void (await page.reload()),
    bringToFront: () => page.bringToFront(),
    setSize: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
    async setInputFile(css, file) {
      await page
        .locator(css)
        .setInputFiles(
          typeof file === 'string'
            ? file
            : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
        );
    },
    async readClipboard() {
      // Chromium asks before a page reads the clipboard: grant it to this page's origin.
      await page.context().grantPermissions(['clipboard-read'], { origin: new URL(page.url()).origin });
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async download(action) {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
    },
  };
}
