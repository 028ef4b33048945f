import { expect, test } from './fixtures';
import { readRows, rowOf } from './panel-reader';
import { watchSocket } from '../support/page-scripts';

test('a failed handshake shows what the browser told the extension', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const url = `${server.ws}/ws/status?code=403`;
  await page.evaluate(watchSocket, { url });
  // Opened after the failure: the background remembered it.
  const panel = await ext.openPanel(tabId);
  await rowOf(panel, url).click();
  // Measured in Chromium 156: webRequest reports a 403 (or a refused connection) for a
  // WebSocket only as net::ERR_FAILED; the explanation says that is all the browser tells.
  await expect(panel.getByTestId('handshake')).toContainText('net::ERR_FAILED');
  await expect(panel.locator('.close-box')).toContainText(
    "What the browser told the extension: the browser reported only net::ERR_FAILED to the extension, without the cause (refused, HTTP error status, TLS...); the page's console names it.",
  );
  await expect(rowOf(panel, url).locator('[data-col="explanation"]')).toHaveText(
    'Handshake failed: the connection never opened (refused, HTTP error, TLS or blocked)',
  );
});

test('the socket table works from the keyboard with visible focus', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await page.evaluate(async (ws) => {
    for (const code of [4001, 4002, 4003])
      await new Promise((r) => (new WebSocket(`${ws}/ws/close?code=${code}`).onclose = r));
  }, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(3);
  const table = panel.getByLabel(/^WebSockets:/);
  await table.focus();
  expect(await table.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('ArrowDown');
  const selected = panel.locator('tr[aria-selected="true"]');
  await expect(selected.locator('[data-col="code"]')).toContainText('4002');
  await panel.keyboard.press('End');
  await expect(selected.locator('[data-col="code"]')).toContainText('4003');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
  await table.focus();
  await panel.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
});
