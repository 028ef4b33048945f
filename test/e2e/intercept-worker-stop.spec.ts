import { pageDriver } from '../support/driver/chromium-driver';
import { addRule, openEmptyRules } from '../support/rule-form';
import { expect, test } from './fixtures';

test('messages held at a breakpoint are forwarded when the service worker stops: no decision can come back', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  const rules = pageDriver(panel);
  await openEmptyRules(rules);
  await addRule(rules, {
    url: '*/ws/echo?worker-stop',
    dir: 'received',
    contains: 'hold',
    action: { kind: 'pause' },
  });

  await page.evaluate(async (url) => {
    const w = window as unknown as { heard: string[]; ws: WebSocket };
    w.heard = [];
    w.ws = new WebSocket(url);
    w.ws.onmessage = (e) => w.heard.push(String(e.data));
    await new Promise((resolve) => (w.ws.onopen = resolve));
    w.ws.send('hold 1');
    w.ws.send('after 2');
  }, `${server.ws}/ws/echo?worker-stop`);
  const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard, null);
  await expect(panel.locator('[data-testid="held"]')).toHaveCount(1);
  expect(await heard()).toEqual([]);

  const cdp = await ext.context.newCDPSession(ext.extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(heard).toEqual(['hold 1', 'after 2']);
  // The panel hears of the release once its port is back.
  await expect(panel.locator('[data-testid="held"]')).toHaveCount(0);
  await panel.locator('[data-testid="rule"] button', { hasText: 'Delete' }).click();
});
