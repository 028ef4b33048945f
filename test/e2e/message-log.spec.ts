import { expect, test } from './fixtures';
import { rowOf, showMessages } from './panel-reader';

test('a socket with 100,000 messages renders a small DOM and scrolls through all of them', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  const url = `${server.ws}/ws/numbered?n=100000&size=16`;
  await page.evaluate(
    (u) =>
      new Promise((resolve) => {
        const ws = new WebSocket(u);
        let n = 0;
        ws.onmessage = () => ++n === 100_000 && resolve(n);
      }),
    url,
  );
  await expect(rowOf(panel, url).locator('[data-col="received"]')).toHaveText(/^100000 \//);
  await showMessages(panel, url);
  await expect(panel.getByRole('tab', { name: 'Messages (100,000)' })).toBeVisible();
  const rows = panel.locator('.message-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);

  const list = panel.getByRole('listbox', { name: /Messages/ });
  await list.focus();
  await panel.keyboard.press('End');
  await expect(panel.locator('.message-row.selected .m-preview')).toHaveText(`99999:${'x'.repeat(16)}`);
  expect(await rows.count()).toBeLessThan(100);
  await panel.keyboard.press('Home');
  await expect(panel.locator('.message-row.selected .m-preview')).toHaveText(`0:${'x'.repeat(16)}`);
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(panel.locator('.message-row .m-preview', { hasText: /^50\d{3}:/ }).first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  await expect(panel.getByTestId('dropped-note')).toHaveCount(0);
});

test('messages show JSON as a tree, binary as a hex dump, and copy', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  // The clipboard is the browser's: read it back from the page, whose origin can be granted access.
  await ext.context.grantPermissions(['clipboard-read'], { origin: server.http });
  const panel = await ext.openPanel(tabId);
  const url = `${server.ws}/ws/echo`;
  await page.evaluate(
    (u) =>
      new Promise((resolve) => {
        const ws = new WebSocket(u);
        ws.binaryType = 'arraybuffer';
        let n = 0;
        ws.onopen = () => {
          ws.send(JSON.stringify({ user: { name: '<b>ada</b>', roles: ['admin'] }, n: 1 }));
          ws.send(new Uint8Array([0x48, 0x69, 0x00, 0xff]));
          ws.send('plain '.repeat(200));
        };
        ws.onmessage = () => ++n === 3 && resolve(n);
      }),
    url,
  );
  await expect(rowOf(panel, url).locator('[data-col="received"]')).toHaveText(/^3 \//);
  await showMessages(panel, url);

  const received = panel.locator('.message-row.received');
  await received.nth(0).click();
  const detail = panel.getByLabel('Selected message');
  await expect(detail.getByRole('tree')).toContainText('name: "<b>ada</b>"');
  await detail.getByRole('button', { name: 'Collapse' }).first().click();
  await expect(detail.getByRole('tree')).toContainText('2 entries');
  await detail.getByRole('button', { name: 'Copy' }).click();
  await page.bringToFront();
  // The copy is asynchronous: poll the clipboard rather than read it once.
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(JSON.stringify({ user: { name: '<b>ada</b>', roles: ['admin'] }, n: 1 }));

  await panel.bringToFront();
  await received.nth(1).click();
  await expect(detail.getByLabel('Hex dump')).toHaveText(
    '00000000  48 69 00 ff                                       Hi..',
  );
  await received.nth(2).click();
  await expect(detail.locator('.note')).toHaveText('Preview: the first 1,024 characters of 1.2 KiB.');
  await detail.getByRole('button', { name: 'Show the whole preview (1,024 characters)' }).click();
  await expect(detail.locator('.message-text')).toHaveText('plain '.repeat(200).slice(0, 1024));
  expect(await panel.locator('main b').count()).toBe(0);
});

test('the preview cap is configurable and the panel says when older previews were dropped', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await panel.getByRole('button', { name: 'Message preview limits' }).click();
  await panel.getByLabel('Per socket').fill('500');
  await panel.getByRole('button', { name: 'Apply' }).click();
  const url = `${server.ws}/ws/numbered?n=2000&size=8`;
  await page.evaluate(
    (u) =>
      new Promise((resolve) => {
        let n = 0;
        new WebSocket(u).onmessage = () => ++n === 2000 && resolve(n);
      }),
    url,
  );
  await expect(rowOf(panel, url).locator('[data-col="received"]')).toHaveText(/^2000 \//);
  await showMessages(panel, url);
  await expect(panel.getByTestId('dropped-note')).toContainText('Showing the newest 500 of 2,000 messages');
  // A new panel keeps the setting.
  const again = await ext.openPanel(tabId);
  await again.getByRole('button', { name: 'Message preview limits' }).click();
  await expect(again.getByLabel('Per socket')).toHaveValue('500');
  await again.getByLabel('Per socket').fill('100000');
  await again.getByRole('button', { name: 'Apply' }).click();
});
