import type { BrowserDriver, Engine, PageDriver } from '../test/support/driver/driver';
import { chromiumDriver } from '../test/support/driver/chromium-driver';
import { firefoxDriver } from '../test/support/driver/firefox-driver';

/** A size a view is shot at: undocked (the README's) or docked inside DevTools. */
export interface ShotSize {
  width: number;
  height: number;
  docked: boolean;
}

/**
 * In Chromium at every size, then in Firefox at the docked ones (where the two browsers' fonts,
 * form controls and scrollbars differ most): `setUp` prepares a tab, then a panel on it opens at
 * each size in both themes and `shoot` takes its screenshots, naming each by `path(what)`. Each
 * browser is closed after.
 */
export async function shootInBothBrowsers<T extends { tabId: number }>(
  sizes: readonly ShotSize[],
  setUp: (driver: BrowserDriver) => Promise<T>,
  shoot: (panel: PageDriver, path: (what: string) => string, set: T) => Promise<void>,
): Promise<void> {
  for (const [launch, which] of [
    [chromiumDriver, sizes],
    [firefoxDriver, sizes.filter((s) => s.docked)],
  ] as const) {
    const driver = await launch();
    try {
      const set = await setUp(driver);
      for (const size of which)
        for (const theme of ['light', 'dark'] as const) {
          const panel = await driver.openPanel(set.tabId, { theme, size: [size.width, size.height] });
          await shoot(panel, (what) => shotPath(driver.engine, size, what, theme), set);
          await panel.close();
        }
    } finally {
      await driver.close();
    }
  }
}

/** docs/<what>-<theme>.png undocked; docs/docked/<browser>-<w>x<h>-<what>-<theme>.png docked. */
function shotPath(engine: Engine, size: ShotSize, what: string, theme: 'light' | 'dark'): string {
  return size.docked
    ? `docs/docked/${engine}-${size.width}x${size.height}-${what}-${theme}.png`
    : `docs/${what}-${theme}.png`;
}

/** A new tab on the server's blank page with one socket to `path`, open, kept as `window.ws`. */
export async function pageWithSocket(
  driver: BrowserDriver,
  server: { http: string; ws: string },
  path: string,
): Promise<{ page: PageDriver; tabId: number }> {
  const opened = await driver.open(`${server.http}/blank.html`);
  await opened.page.evaluate(
    (u) =>
      new Promise<void>((resolve) => {
        const ws = new WebSocket(u);
        (window as unknown as { ws: WebSocket }).ws = ws;
        ws.onopen = () => resolve();
      }),
    `${server.ws}${path}`,
  );
  return opened;
}
