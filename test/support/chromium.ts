import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { builtExtensionDir } from './built-extension';

/**
 * The Chromium to run: $CHROME_PATH, then Debian's /usr/bin/chromium, then one Playwright
 * installed. Branded Google Chrome 137+ ignores --load-extension, so it is not looked for.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', playwrightChromium()];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found. Set CHROME_PATH to a Chromium or Chrome for Testing binary, or install one: ' +
      '`sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`.',
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags that keep Chromium quiet on a closed network and in CI. */
const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** What every Chromium of ours starts with: quiet flags, and no sandbox when run as root (CI). */
export const BASE_FLAGS = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...QUIET_FLAGS];

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The profile directory (DevToolsActivePort lives here with --remote-debugging-port=0). */
  profile: string;
  extensionId: string;
  /** An extension page kept open for extension API calls (tabs.query...): unlike the service
   * worker, it is never stopped while the browser runs. */
  extensionPage: Page;
  /** The browser tab id of a page, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Opens the panel standalone for a tab, in a tab of its own; at `size` from its first render,
   * as in DevTools (a panel resized after it rendered lays out for its old width until its
   * ResizeObserver has run, which a test must not race).
   */
  openPanel(tabId: number, theme?: 'light' | 'dark', size?: [number, number]): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: {
    headless?: boolean;
    args?: string[];
    /** The test-only build with `debugger` granted at install (deep capture). */
    deepCapture?: boolean;
    /** A profile to start from and leave in place (a restart); else a new one, removed on close. */
    profile?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const dir = builtExtensionDir(options.deepCapture ? 'chrome-deep-capture' : 'chrome');
  const { context, profile } = await launchProfile(
    options.headless,
    [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...(options.args ?? [])],
    options.profile,
  );
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/panel.html`);

  return {
    context,
    profile,
    extensionId,
    extensionPage,
    async tabIdOf(page) {
      const url = page.url();
      const id = await extensionPage.evaluate(
        async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
        url,
      );
      if (id === undefined) throw new Error(`no tab with url ${url}`);
      return id;
    },
    async openPanel(tabId, theme, size) {
      const panel = await context.newPage();
      if (size) await panel.setViewportSize({ width: size[0], height: size[1] });
      await panel.goto(
        `chrome-extension://${extensionId}/panel.html?tabId=${tabId}${theme ? `&theme=${theme}` : ''}`,
      );
      return panel;
    },
    close: () => (options.profile ? context.close() : closeProfile(context, profile)),
  };
}

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The same Chromium, flags and kind of profile as `launchWithExtension`, without the extension:
 * the baseline that benchmarks and transparency tests compare the extension against.
 */
export async function launchWithoutExtension(): Promise<PlainBrowser> {
  const { context, profile } = await launchProfile(true, []);
  return { context, close: () => closeProfile(context, profile) };
}

async function launchProfile(
  headless = true,
  args: string[],
  kept?: string,
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = kept ?? (await mkdtemp(join(tmpdir(), 'wsci-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless,
    args: [...BASE_FLAGS, ...args],
    viewport: { width: 1400, height: 800 },
  });
  return { context, profile };
}

async function closeProfile(context: BrowserContext, profile: string): Promise<void> {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
