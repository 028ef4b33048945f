import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { until } from '../test/support/until';
import { pageWithSocket, shootInBothBrowsers } from './both-browsers';
import type { ShotSize } from './both-browsers';
import { addRule, openEmptyRules } from '../test/support/rule-form';

/**
 * Undocked, docked beside the page and below it: where the Rules area and a held message must
 * still fit.
 */
const SIZES: readonly ShotSize[] = [
  { width: 1280, height: 760, docked: false },
  { width: 400, height: 640, docked: true },
  { width: 1280, height: 220, docked: true },
];

/**
 * Interception in both themes at each size: docs/intercept-rules-<theme>.png (two rules, and the
 * form with a bad regex and a patch that is not JSON, each said at its field) and
 * docs/intercept-held-<theme>.png (a held message above the list, the log's marks); the docked
 * sizes' in docs/docked/, Firefox's too.
 */
export async function interceptScreenshots(server: ScenarioServer): Promise<void> {
  await shootInBothBrowsers(
    SIZES,
    async (driver) => {
      const opened = await pageWithSocket(driver, server, '/ws/echo?intercept');
      const setup = await driver.openPanel(opened.tabId, { size: [1280, 760] });
      await openEmptyRules(setup);
      await addRule(setup, { url: '*/ws/echo*', dir: 'sent', contains: 'secret', action: { kind: 'block' } });
      await addRule(setup, {
        url: '*/ws/echo*',
        dir: 'received',
        contains: 'hold',
        action: { kind: 'pause' },
      });
      await setup.close();
      return opened;
    },
    async (panel, path, { page }) => {
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
    },
  );
}
