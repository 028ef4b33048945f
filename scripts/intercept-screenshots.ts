import type { ScenarioServer } from '../test/fixtures/scenario-server';
import type { BrowserDriver } from '../test/support/driver/driver';
import { chromiumDriver } from '../test/support/driver/chromium-driver';
import { firefoxDriver } from '../test/support/driver/firefox-driver';
import { until } from '../test/support/until';
import { addRule, openEmptyRules } from '../test/support/rule-form';

/**
 * Undocked, docked beside the page and below it: where the Rules area and a held message must
 * still fit.
 */
const SIZES: readonly { name: string; size: [number, number] }[] = [
  { name: '', size: [1280, 760] },
  { name: '-400x640', size: [400, 640] },
  { name: '-1280x220', size: [1280, 220] },
];

/**
 * Interception in both themes at each size: docs/intercept-rules-<theme>.png (two rules, and the
 * form with a bad regex and a patch that is not JSON, each said at its field) and
 * docs/intercept-held-<theme>.png (a held message above the list, the log's marks); the docked
 * sizes' in docs/docked/, Firefox's too.
 */
export async function interceptScreenshots(server: ScenarioServer): Promise<void> {
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
          (window as unknown as { ws: WebSocket }).ws = ws;
          ws.onopen = () => resolve();
        }),
      `${server.ws}/ws/echo?intercept`,
    );
    const setup = await driver.openPanel(tabId, { size: [1280, 760] });
    await openEmptyRules(setup);
    await addRule(setup, { url: '*/ws/echo*', dir: 'sent', contains: 'secret', action: { kind: 'block' } });
    await addRule(setup, { url: '*/ws/echo*', dir: 'received', contains: 'hold', action: { kind: 'pause' } });
    await setup.close();
    for (const { name, size } of sizes)
      for (const theme of ['light', 'dark'] as const) {
        const path = (what: string) =>
          name ? `docs/docked/${driver.engine}${name}-${what}-${theme}.png` : `docs/${what}-${theme}.png`;
        const panel = await driver.openPanel(tabId, { theme, size });
        await panel.click('button.rules-toggle');
        await panel.click({ css: '.rules-head button', text: 'Add rule' });
        await panel.select('select[aria-label="Condition"]', 'regex');
        await panel.fill('input[aria-label="Condition regex"]', '(unclosed');
        await panel.select('select[aria-label="Action"]', 'merge-patch');
        await panel.fill('input[aria-label="Merge patch"]', '{"a":');
        await panel.screenshot(path('intercept-rules'));
        await panel.click({ css: '.rule-form button', text: 'Cancel' });
        await panel.click('button.rules-toggle');
        await page.evaluate(() => {
          const { ws } = window as unknown as { ws: WebSocket };
          for (const m of ['a secret', '{"type":"chat","text":"hold this one for the panel"}', 'after it'])
            ws.send(m);
        }, null);
        await until(async () => (await panel.count('[data-testid="held"]')) > 0, 'no held message');
        await panel.click({ css: 'tr[data-socket-id]', text: 'echo?intercept' });
        await panel.click({ css: '[role="tab"]', text: 'Messages' });
        await panel.screenshot(path('intercept-held'));
        await panel.click({ css: '.held button', text: 'Forward' });
        await panel.close();
      }
  } finally {
    await driver.close();
  }
}
