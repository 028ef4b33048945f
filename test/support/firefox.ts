import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../browser-targets';
import type { CloseLog } from '../../src/export/close-log';
import { builtExtensionDir } from './built-extension';

/** The Firefox to run: $FIREFOX_PATH, then Debian's /usr/bin/firefox-esr. */
export function findFirefox(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].find(
    (p): p is string => !!p && existsSync(p),
  );
  if (found) return found;
  throw new Error(
    'No Firefox found. Set FIREFOX_PATH to a Firefox 142+ binary, or install Firefox ESR: ' +
      '`sudo apt-get install firefox-esr` (Debian/Ubuntu).',
  );
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The browser tab id of a page, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the panel standalone for a tab, in a tab of its own, once it has rendered. */
  openPanel(tabId: number): Promise<Page>;
  /** Clicks the panel's "Export JSON" and parses the file Firefox saved. */
  exportJson(panel: Page): Promise<CloseLog>;
  /** The file `action` makes Firefox save (downloads go straight to a folder of this browser's). */
  download(action: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** The extension's toolbar badge text for a tab. */
  badgeText(tabId: number): Promise<string>;
  /**
   * Opens an extension page of ours (viewer.html, panel.html?…) in a tab of its own, once
   * rendered; at `size` from its first render.
   */
  openExtensionPage(path: string, size?: [number, number]): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A profile a test starts Firefox from twice (a restart), and the add-on's UUID in it: its
 * storage belongs to that UUID.
 */
export interface KeptProfile {
  dir: string;
  uuid: string;
}

/**
 * Firefox with the built extension installed as a temporary add-on, driven over WebDriver BiDi.
 * Downloads go straight to a temporary folder, so the export can be read as the user gets it.
 */
export async function launchFirefoxWithExtension(
  options: { headless?: boolean; args?: string[]; profile?: KeptProfile } = {},
): Promise<FirefoxWithExtension> {
  const dir = builtExtensionDir('firefox');
  const uuid = options.profile?.uuid ?? randomUUID();
  const downloads = await mkdtemp(join(tmpdir(), 'wsci-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    // The size Chromium's tests use: the panel then shows the same columns in both browsers.
    defaultViewport: options.headless === false ? null : { width: 1400, height: 800 },
    // Without it, Firefox 153 refuses WebDriver navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access', ...(options.args ?? [])],
    ...(options.profile ? { userDataDir: options.profile.dir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: uuid }),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Lets a test read the clipboard back (navigator.clipboard.readText) without a paste prompt.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  await browser.installExtension(dir);
  // The add-on's pages are at a UUID chosen here, through the preference above.
  const origin = `moz-extension://${uuid}`;
  // An extension page kept open for extension API calls (tabs.query).
  const extensionPage = await openExtensionPage(browser, `${origin}/panel.html`);
  const download = async (action: () => Promise<void>) => {
    const before = new Set(await readdir(downloads));
    await action();
    let file: { name: string; text: string } | undefined;
    await expect
      .poll(async () => (file = await newDownload(downloads, before)) !== undefined, {
        message: 'a new file in the download folder',
      })
      .toBe(true);
    if (!file) throw new Error('no download');
    return file;
  };

  return {
    browser,
    async tabIdOf(page) {
      const url = page.url();
      const id = await extensionPage.evaluate(
        async (u) =>
          (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).find(
            (t) => t.url === u,
          )?.id,
        url,
      );
      if (id === undefined) throw new Error(`no tab with url ${url}`);
      return id;
    },
    openPanel: (tabId) => openExtensionPage(browser, `${origin}/panel.html?tabId=${tabId}`),
    async exportJson(panel) {
      const file = await download(async () => {
        await panel.bringToFront();
        await panel.locator('::-p-aria(Export JSON[role="button"])').click();
      });
      return JSON.parse(file.text) as CloseLog;
    },
    badgeText: (tabId) =>
      extensionPage.evaluate(
        (id) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    download,
    openExtensionPage: (path, size) => openExtensionPage(browser, `${origin}/${path}`, size),
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the panel page in a new tab, once it has rendered. Firefox moves the tab into the
 * extension process, so Puppeteer's navigation never settles ("Frame detached") although the
 * page loads and `evaluate` reaches it: start the navigation, then wait for the page itself.
 */
async function openExtensionPage(browser: Browser, url: string, size?: [number, number]): Promise<Page> {
  const page = await browser.newPage();
  if (size) await page.setViewport({ width: size[0], height: size[1] });
  page.goto(url).catch(() => undefined);
  // Polled from here, not with waitForFunction: a script call that lands while Firefox swaps
  // the document fails, and only a retry gets past that.
  const rendered = () =>
    page.evaluate((u) => location.href === u && document.querySelector('#root > *') !== null, url);
  await expect.poll(() => rendered().catch(() => false), { message: `${url} rendered` }).toBe(true);
  return page;
}

/** The file Firefox finished saving since `before`; a download in progress is still a .part file. */
async function newDownload(
  dir: string,
  before: Set<string>,
): Promise<{ name: string; text: string } | undefined> {
  const files = (await readdir(dir)).filter((f) => !before.has(f));
  const saved = files.find((f) => !f.endsWith('.part'));
  if (!saved || files.some((f) => f.endsWith('.part'))) return undefined;
  const text = await readFile(join(dir, saved), 'utf8');
  // Created but not yet written: try again.
  return text === '' ? undefined : { name: saved, text };
}
