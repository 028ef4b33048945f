import { startMqttServer } from '../test/fixtures/libraries/mqtt-server';
import type { SessionWindow } from '../test/fixtures/libraries/transcript';
import type { BrowserDriver, PageDriver } from '../test/support/driver/driver';
import { until } from '../test/support/until';
import { shootInBothBrowsers } from './both-browsers';
import type { ShotSize } from './both-browsers';

/**
 * The application-protocol views, on real traffic: mqtt.js against aedes and an MQTT 5 broker,
 * whose second connection with the same Client Identifier takes the first one's session over.
 * The taken-over socket's decoded message log, then its close with the broker's DISCONNECT, at
 * each size in SIZES (Firefox at the docked ones).
 */
export async function protocolScreenshots(): Promise<void> {
  const server = await startMqttServer();
  try {
    await shootInBothBrowsers(
      SIZES,
      async (driver) => {
        const { page, tabId } = await driver.open(`${server.http}/?run=docs`);
        await page.evaluate(([base, run]) => (window as unknown as SessionWindow).runSession(base, run), [
          server.ws,
          'docs',
        ] as const);
        await evenSplit(driver, tabId);
        return { tabId };
      },
      async (panel, path) => {
        await until(
          async () => (await panel.count('tr[data-socket-id][data-state="closed"]')) >= 4,
          'the four sockets of the session closed',
        );
        await panel.click(await marked(panel, 'tr[data-socket-id]', '', 2));
        await panel.click({ css: '[role="tab"]', text: 'Messages' });
        await panel.click(await marked(panel, '.message-row', 'PUBLISH sensors/2', -1));
        await panel.screenshot(path('protocols'));
        await panel.click({ css: '[role="tab"]', text: 'Close' });
        await until(
          async () => (await panel.count('[data-testid="app-goodbye"]')) === 1,
          'the broker’s goodbye shown',
        );
        await panel.screenshot(path('protocols-close'));
      },
    );
  } finally {
    await server.close();
  }
}

/** Undocked (the README's), and docked beside the page at DevTools' narrowest and a common width. */
const SIZES: readonly ShotSize[] = [
  { width: 1280, height: 760, docked: false },
  { width: 560, height: 800, docked: true },
  { width: 360, height: 600, docked: true },
];

/**
 * The `index`-th (from the end when negative) element matching `css` whose text holds `text`,
 * marked so that a click finds that one: the driver clicks the first match of a selector.
 */
async function marked(panel: PageDriver, css: string, text: string, index: number): Promise<string> {
  await until(
    () =>
      panel.evaluate(
        ([c, t, i]) => {
          document.querySelector('[data-shot]')?.removeAttribute('data-shot');
          const all = [...document.querySelectorAll(c)].filter((e) => (e.textContent ?? '').includes(t));
          const el = all.at(i);
          el?.setAttribute('data-shot', '');
          return el !== undefined;
        },
        [css, text, index] as const,
      ),
    `no ${css} holding "${text}" at ${index}`,
  );
  return '[data-shot]';
}

/**
 * The list and the details half and half (the default), whatever an earlier run left: a wide
 * list has room for the Protocol column. Set before the panels open, which read it once.
 */
async function evenSplit(driver: BrowserDriver, tabId: number): Promise<void> {
  const panel = await driver.openPanel(tabId);
  await panel.evaluate(() => {
    const key = 'websocket-close-inspector.preferences';
    const saved: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    const prefs = typeof saved === 'object' && saved !== null ? saved : {};
    localStorage.setItem(key, JSON.stringify({ ...prefs, splitRatio: 0.5 }));
  }, null);
  await panel.close();
}
