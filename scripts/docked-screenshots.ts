import { mkdir } from 'node:fs/promises';
import type { ScenarioServer } from '../test/fixtures/scenario-server';
import type { BrowserDriver, Engine } from '../test/support/driver/driver';
import { chromiumDriver } from '../test/support/driver/chromium-driver';
import { firefoxDriver } from '../test/support/driver/firefox-driver';
import { until } from '../test/support/until';

/** The sizes a docked panel has: DevTools beside the page, below it (short), undocked. */
export const DOCKED_SIZES: readonly [number, number][] = [
  [360, 600],
  [560, 800],
  [1280, 800],
  [1280, 220],
];

/**
 * The panel on the demo page at each docked size, in both themes, with the dropped connection
 * selected: docs/docked/<browser>-<w>x<h>-<theme>.png. Every size in Chromium; Firefox at the
 * two narrow ones, where the browsers' fonts and scrollbars differ most.
 */
export async function dockedScreenshots(server: ScenarioServer): Promise<void> {
  await mkdir('docs/docked', { recursive: true });
  await shoot(await chromiumDriver(), 'chromium', DOCKED_SIZES, server);
  await shoot(await firefoxDriver(), 'firefox', DOCKED_SIZES.slice(0, 2), server);
}

async function shoot(
  driver: BrowserDriver,
  engine: Engine,
  sizes: readonly [number, number][],
  server: ScenarioServer,
): Promise<void> {
  try {
    const { page, tabId } = await driver.open(`${server.http}/demo.html`);
    await page.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone, null);
    for (const [width, height] of sizes) {
      for (const theme of ['light', 'dark'] as const) {
        const panel = await driver.openPanel(tabId, { theme, size: [width, height] });
        const row = { css: 'tr[data-socket-id]', text: '/ws/terminate' };
        // The panel renders before the page's history reaches it: wait for the row.
        await until(async () => (await panel.box(row)) !== null, 'no /ws/terminate row in the panel');
        await panel.click(row);
        await panel.screenshot(`docs/docked/${engine}-${width}x${height}-${theme}.png`);
        await panel.close();
      }
    }
  } finally {
    await driver.close();
  }
}
