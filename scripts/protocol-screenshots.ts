import { startMqttServer } from '../test/fixtures/libraries/mqtt-server';
import type { SessionWindow } from '../test/fixtures/libraries/transcript';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../test/support/chromium';

/**
 * The application-protocol views, on real traffic: mqtt.js against aedes and an MQTT 5 broker,
 * whose second connection with the same Client Identifier takes the first one's session over.
 * The taken-over socket's decoded message log, then its close with the broker's DISCONNECT, at
 * each size in SIZES.
 */
export async function protocolScreenshots(ext: ExtensionBrowser): Promise<void> {
  const server = await startMqttServer();
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.http}/?run=docs`);
    await page.evaluate(([base, run]) => (window as unknown as SessionWindow).runSession(base, run), [
      server.ws,
      'docs',
    ] as const);
    const tabId = await ext.tabIdOf(page);
    for (const [width, height, prefix] of SIZES)
      for (const theme of ['light', 'dark'] as const) {
        const panel = await ext.openPanel(tabId, theme);
        await panel.setViewportSize({ width, height });
        await evenSplit(panel);
        const takenOver = panel.locator('tr[data-socket-id]').nth(2);
        await panel.locator('tr[data-socket-id][data-state="closed"]').nth(3).waitFor();
        await takenOver.click();
        await panel.getByRole('tab', { name: /Messages/ }).click();
        await panel.locator('.message-row', { hasText: 'PUBLISH sensors/2' }).last().click();
        await panel.screenshot({ path: `${prefix}protocols-${theme}.png` });
        await panel.getByRole('tab', { name: 'Close' }).click();
        await panel.getByTestId('app-goodbye').waitFor();
        await panel.screenshot({ path: `${prefix}protocols-close-${theme}.png` });
        await panel.close();
      }
    await page.close();
  } finally {
    await server.close();
  }
}

/** Undocked (the README's), and docked beside the page at DevTools' narrowest and a common width. */
const SIZES: readonly [number, number, string][] = [
  [1280, 760, 'docs/'],
  [560, 800, 'docs/docked/chromium-560x800-'],
  [360, 600, 'docs/docked/chromium-360x600-'],
];

/**
 * The list and the details half and half (the default), whatever an earlier view left: a wide
 * list has room for the Protocol column.
 */
async function evenSplit(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const key = 'websocket-close-inspector.preferences';
    const saved: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    const prefs = typeof saved === 'object' && saved !== null ? saved : {};
    localStorage.setItem(key, JSON.stringify({ ...prefs, splitRatio: 0.5 }));
  });
  await panel.reload();
}
