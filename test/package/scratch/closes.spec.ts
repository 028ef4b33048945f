import { expect, test } from 'websocket-close-inspector/playwright';
import { startApp } from './server.js';

let app: Awaited<ReturnType<typeof startApp>>;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.close();
});

test('a clean flow has no abnormal closes', async ({ page, closeLog }) => {
  await page.goto(`${app.url}/clean.html`);
  await expect(page).toHaveClosedWith('/ws/echo', 1000);
  await expect(page).toHaveNoAbnormalCloses();
  const log = await closeLog.read({ previews: true });
  expect(log.sockets.map((s) => s.messages?.map((m) => m.preview))).toEqual([['hello', 'hello']]);
});

test('a flow whose connection drops', async ({ page }) => {
  await page.goto(`${app.url}/drop.html`);
  await expect(page).toHaveClosedWith(/\/ws\/drop/, 1006);
  await expect(page).toHaveNoAbnormalCloses();
});
