import type { PageDriver } from '../support/driver/driver';
import { watchSocket } from '../support/page-scripts';
import { rowsInPage } from '../support/panel-rows';
import { expect, test } from './fixtures';

const fine = (page: PageDriver, ws: string) =>
  page.evaluate(watchSocket, { url: `${ws}/ws/close?code=1000` });

test('without Preserve log a navigation starts a fresh list; with it, earlier sockets stay behind a separator', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  const rows = () => panel.evaluate(rowsInPage, null);
  await fine(page, server.ws);
  await expect.poll(async () => (await rows()).length).toBe(1);
  await page.reload();
  await expect.poll(async () => (await rows()).length).toBe(0);
  await fine(page, server.ws);
  await expect.poll(async () => (await rows()).length).toBe(1);

  await panel.click({ css: '.toolbar label', text: 'Preserve log' });
  await page.reload();
  await fine(page, server.ws);
  await expect.poll(async () => (await rows()).length).toBe(2);
  await expect.poll(() => panel.count('tr.navigation')).toBe(1);
  expect(await panel.text('tr.navigation')).toContain(`Navigated to ${page.url()}`);
  expect(new Set((await rows()).map((r) => r.id.split(':')[0])).size).toBe(2);
  await panel.click({ css: '.toolbar button', text: 'Clear' });
  await expect.poll(async () => (await rows()).length).toBe(0);
  expect(await panel.count('tr.navigation')).toBe(0);
});
