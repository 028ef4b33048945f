import { expect, test } from './fixtures';
import { readRows } from './panel-reader';

test('reconnects with backoff are one connection history; a storm and a connection that never came back are flagged', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await page.evaluate(async (ws) => {
    // A client that reconnects after each drop, waiting 300, 600, 1200 ms, then gives up.
    const backoff = () =>
      new Promise<void>((resolve) => {
        let attempt = 0;
        const connect = () => {
          new WebSocket(`${ws}/ws/feed?n=1&every=10&then=drop&backoff`).onclose = () => {
            if (++attempt < 4) setTimeout(connect, 300 * 2 ** (attempt - 1));
            else resolve();
          };
        };
        connect();
      });
    // A client that reconnects at once, six times, to a server that keeps dropping it.
    const storm = () =>
      new Promise<void>((resolve) => {
        let attempt = 0;
        const connect = () => {
          new WebSocket(`${ws}/ws/terminate?delay=5&storm`).onclose = () =>
            ++attempt < 6 ? connect() : resolve();
        };
        connect();
      });
    await Promise.all([backoff(), storm()]);
  }, server.ws);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(10);

  await panel.getByRole('radio', { name: 'Connections' }).click();
  const feed = panel.locator(`tr.group[data-endpoint="${server.ws}/ws/feed"]`);
  await expect(feed.locator('[data-col="attempts"]')).toHaveText('4');
  // The client doubles 300 ms; a busy machine stretches each gap by the time a connection takes,
  // and three stretched gaps fit a line as well as a curve: only "grows, with numbers" is
  // asserted here (the gaps themselves are checked below).
  await expect(feed.locator('[data-col="backoff"]')).toHaveText(
    /^(exponential: from \d+ ms, ×[12](\.\d+)?|linear: from \d+ ms, \+\d+ ms) each time/,
  );
  // A live tab first waits for the client's next retry (at most 30 s when its pace is unknown).
  await expect(feed.locator('[data-col="flags"]')).toHaveText('✕ never came back', { timeout: 45_000 });
  const gaps = (await feed.locator('[data-col="gaps"]').textContent())!
    .split(', ')
    .map((g) => parseFloat(g) * (g.endsWith(' ms') ? 1 : 1000));
  expect(gaps).toHaveLength(3);
  expect(gaps[0]).toBeGreaterThanOrEqual(300);
  expect(gaps[2]).toBeGreaterThanOrEqual(1200 * 0.99);

  const storm = panel.locator(`tr.group[data-endpoint="${server.ws}/ws/terminate"]`);
  await expect(storm.locator('[data-col="attempts"]')).toHaveText('6');
  await expect(storm.locator('[data-col="backoff"]')).toHaveText('reconnects immediately (no backoff)');
  await expect(storm.locator('[data-col="flags"]')).toContainText('⚡ reconnect storm');

  // The attempts, in order, with the gap before each.
  await feed.getByRole('button', { name: 'Show attempts' }).click();
  await expect(panel.locator('tr.attempt')).toHaveCount(4);
  await expect(panel.locator('tr.attempt').nth(1)).toContainText('after the previous close');
  // On the timeline, the four attempts share one lane.
  await expect(panel.locator('.lane', { hasText: '/ws/feed' }).locator('g.bar')).toHaveCount(4);
});
