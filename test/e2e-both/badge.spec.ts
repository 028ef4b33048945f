import type { PageDriver } from '../support/driver/driver';
import { watchSocket } from '../support/page-scripts';
import { expect, test } from './fixtures';

const drop = (page: PageDriver, ws: string) => page.evaluate(watchSocket, { url: `${ws}/ws/terminate` });
const fine = (page: PageDriver, ws: string) =>
  page.evaluate(watchSocket, { url: `${ws}/ws/close?code=1000` });

test('the toolbar badge counts abnormal closes with DevTools closed, from zero after a navigation unless the log is preserved', async ({
  open,
  openPanel,
  driver,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const badge = () => driver.badgeText(tabId);
  await drop(page, server.ws);
  await fine(page, server.ws);
  await drop(page, server.ws);
  await expect.poll(badge).toBe('2');

  // A navigation starts the count again.
  await page.reload();
  await drop(page, server.ws);
  await expect.poll(badge).toBe('1');

  // Unless an open panel preserves the log.
  const panel = await openPanel(tabId);
  await panel.click({ css: '.toolbar label', text: 'Preserve log' });
  await page.reload();
  await drop(page, server.ws);
  await expect.poll(badge).toBe('2');
  await panel.click({ css: '.toolbar button', text: 'Clear' });
  await expect.poll(badge).toBe('');
});
