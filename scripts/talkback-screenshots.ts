import { mkdir } from 'node:fs/promises';
import type { ScenarioServer } from '../test/fixtures/scenario-server';
import type { PageDriver } from '../test/support/driver/driver';
import { until } from '../test/support/until';
import { pageWithSocket, shootInBothBrowsers } from './both-browsers';
import type { ShotSize } from './both-browsers';

/** Wide (undocked), docked beside the page, docked below it: where the composer must still fit. */
const SIZES: readonly ShotSize[] = [
  { width: 1280, height: 760, docked: false },
  { width: 360, height: 600, docked: true },
  { width: 1280, height: 220, docked: true },
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
  await shootInBothBrowsers(
    SIZES,
    async (driver) => {
      const { page, tabId } = await pageWithSocket(driver, server, '/ws/echo?chat');
      await page.evaluate(() => (window as unknown as { ws: WebSocket }).ws.send('{"type":"hello"}'), null);
      const first = await driver.openPanel(tabId, { size: [1280, 760] });
      await openComposer(first);
      for (const [name, body] of SAVED) await save(first, name, body);
      await first.click({ css: '.composer-actions button', text: 'Send as page' });
      await first.click({ css: '.composer-actions button', text: 'Inject as received' });
      await first.close();
      return { tabId };
    },
    async (panel, path) => {
      await openComposer(panel);
      await panel.select('select[aria-label="Message format"]', 'json');
      await panel.fill('textarea.composer-body', '{"type":"subscribe","channel":"prices"}');
      await panel.screenshot(path('composer'));
      await panel.click('.saved-toggle');
      await panel.screenshot(path('saved-messages'));
      await panel.click({ css: '[role="tab"]', text: 'Messages' });
      await panel.click({ css: '.message-row.tester', text: 'subscribe' });
      await panel.screenshot(path('tester-messages'));
    },
  );
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
