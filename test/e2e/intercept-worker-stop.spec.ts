import { expect, test } from './fixtures';

test('messages held at a breakpoint are forwarded when the service worker stops: no decision can come back', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await panel.click('button.rules-toggle');
  await expect(panel.locator('[data-testid="rules-area"][data-loaded="true"]')).toHaveCount(1);
  for (let n = await panel.locator('[data-testid="rule"]').count(); n > 0; n--)
    await panel.locator('[data-testid="rule"] button', { hasText: 'Delete' }).first().click();
  await panel.locator('.rules-head button', { hasText: 'Add rule' }).click();
  await panel.fill('input[aria-label="URL pattern"]', '*/ws/echo?worker-stop');
  await panel.selectOption('select[aria-label="Direction"]', 'received');
  await panel.fill('input[aria-label="Contains"]', 'hold');
  await panel.selectOption('select[aria-label="Action"]', 'pause');
  await panel.locator('.rule-form button', { hasText: 'Save rule' }).click();

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
