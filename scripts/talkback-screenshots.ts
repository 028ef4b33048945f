import { mkdir } from 'node:fs/promises';
import type { ScenarioServer } from '../test/fixtures/scenario-server';
import type { BrowserDriver, PageDriver } from '../test/support/driver/driver';
import { chromiumDriver } from '../test/support/driver/chromium-driver';
import { firefoxDriver } from '../test/support/driver/firefox-driver';
import { until } from '../test/support/until';

/** Wide (undocked), docked beside the page, docked below it: where the composer must still fit. */
const SIZES: readonly { name: string; size: [number, number] }[] = [
  { name: '', size: [1280, 760] },
  { name: '-360x600', size: [360, 600] },
  { name: '-1280x220', size: [1280, 220] },
];

const SAVED: readonly [string, string][] = [
  ['subscribe', '{"type":"subscribe","channel":"prices"}'],
  ['ping', '{"type":"ping"}'],
  ['a long name for the message that logs the test user in with a token', '{"type":"login"}'],
  ['unsubscribe', '{"type":"unsubscribe","channel":"prices"}'],
];

/**
 * The composer (a JSON draft), the saved messages and the tester's messages in the log, in both
 * themes at each size: docs/composer-<theme>.png, docs/saved-messages-<theme>.png,
 * docs/tester-messages-<theme>.png, and the docked sizes' in docs/docked/ (Firefox's too).
 */
export async function talkBackScreenshots(server: ScenarioServer): Promise<void> {
  await mkdir('docs/docked', { recursive: true });
  await shoot(await chromiumDriver(), SIZES, server);
  await shoot(
    await firefoxDriver(),
    SIZES.filter((s) => s.name),
    server,
  );
}

async function shoot(
  driver: BrowserDriver,
  sizes: readonly { name: string; size: [number, number] }[],
  server: ScenarioServer,
): Promise<void> {
  try {
    const { page, tabId } = await driver.open(`${server.http}/blank.html`);
    await page.evaluate(
      (u) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(u);
          ws.onopen = () => {
            ws.send('{"type":"hello"}');
            resolve();
          };
        }),
      `${server.ws}/ws/echo?chat`,
    );
    const first = await driver.openPanel(tabId, { size: [1280, 760] });
    await openComposer(first);
    for (const [name, body] of SAVED) await save(first, name, body);
    await first.click({ css: '.composer-actions button', text: 'Send as page' });
    await first.click({ css: '.composer-actions button', text: 'Inject as received' });
    await first.close();
    for (const { name, size } of sizes)
      for (const theme of ['light', 'dark'] as const) {
        const path = (what: string) =>
          name ? `docs/docked/${driver.engine}${name}-${what}-${theme}.png` : `docs/${what}-${theme}.png`;
        const panel = await driver.openPanel(tabId, { theme, size });
        await openComposer(panel);
        await panel.select('select[aria-label="Message format"]', 'json');
        await panel.fill('textarea.composer-body', '{"type":"subscribe","channel":"prices"}');
        await panel.screenshot(path('composer'));
        await panel.click('.saved-toggle');
        await panel.screenshot(path('saved-messages'));
        await panel.click({ css: '[role="tab"]', text: 'Messages' });
        await panel.click({ css: '.message-row.tester', text: 'subscribe' });
        await panel.screenshot(path('tester-messages'));
        await panel.close();
      }
  } finally {
    await driver.close();
  }
}

async function openComposer(panel: PageDriver): Promise<void> {
  const row = { css: 'tr[data-socket-id]', text: 'echo?chat' };
  // A new panel lists the page's sockets once the page has sent its history.
  await until(async () => (await panel.box(row)) !== null, 'no echo?chat row in the panel');
  await panel.click(row);
  await panel.click({ css: '[role="tab"]', text: 'Compose' });
}

async function save(panel: PageDriver, name: string, body: string): Promise<void> {
  await panel.select('select[aria-label="Message format"]', 'json');
  await panel.fill('textarea.composer-body', body);
  await panel.click({ css: '.composer-actions button', text: 'Save…' });
  await panel.fill('input[aria-label="Name of the saved message"]', name);
  await panel.select('select[aria-label="Save for"]', 'global');
  await panel.press('Enter');
  const n = SAVED.findIndex(([saved]) => saved === name) + 1;
  for (let tries = 0; (await panel.count('.saved-row')) < n; tries++) {
    if (tries > 200)
      throw new Error(`“${name}” was not saved: ${await panel.text('.saved-status, .save-form')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await panel.click('.saved-toggle');
}
