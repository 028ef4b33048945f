import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readRows, rowOf, showMessages } from './panel-reader';

async function sockets(page: Page, ws: string) {
  await page.evaluate(async (ws) => {
    const run = (url: string, send?: string) =>
      new Promise((resolve) => {
        const s = new WebSocket(url);
        s.onopen = () => send && s.send(send);
        s.onclose = resolve;
      });
    await Promise.all([
      run(`${ws}/ws/close?code=1000&reason=fine`),
      run(`${ws}/ws/terminate`),
      run(`${ws}/ws/close?after=message&code=4001&reason=kicked`, 'Needle in a haystack'),
      run(`${ws}/ws/close?after=message&code=1011`, 'no match here'),
    ]);
    (window as unknown as { live: WebSocket }).live = new WebSocket(`${ws}/ws/echo?live`);
  }, ws);
}

test('filters hide sockets by URL, state, code and abnormality, and clearing them restores all', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await sockets(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
  const urls = async () =>
    (await readRows(panel)).map((r) => new URL(r.url).pathname + new URL(r.url).search);

  await panel.getByLabel('Filter by URL').fill('TERMINATE');
  expect(await urls()).toEqual(['/ws/terminate']);
  await panel.getByLabel('Filter by URL').fill('');

  await panel.getByLabel('Filter by state').selectOption('open');
  await expect.poll(urls).toEqual(['/ws/echo?live']);
  await panel.getByLabel('Filter by state').selectOption('all');

  await panel.getByLabel('Filter by close code').fill('4000-4999, 1000');
  await expect
    .poll(urls)
    .toEqual(['/ws/close?code=1000&reason=fine', '/ws/close?after=message&code=4001&reason=kicked']);
  await panel.getByLabel('Filter by close code').fill('10x6');
  await expect(panel.getByRole('alert')).toHaveText('"10x6" is not a code or a range like 4000-4999');
  await panel.getByLabel('Filter by close code').fill('');

  await panel.getByLabel('Abnormal only').check();
  await expect.poll(urls).toEqual(['/ws/terminate', '/ws/close?after=message&code=1011']);
  await expect(panel.getByTestId('filter-count')).toHaveText('2 of 5 shown');
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});

test('search finds text in message previews and marks the matches', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await sockets(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
  await panel.getByLabel('Search in message previews').fill('NEEDLE');
  await expect.poll(async () => (await readRows(panel)).length).toBe(1);
  const url = `${server.ws}/ws/close?after=message&code=4001&reason=kicked`;
  await expect(rowOf(panel, url).locator('.match-count')).toHaveText('1');
  await showMessages(panel, url);
  await expect(panel.getByTestId('match-note')).toHaveText('1 of 1 messages contain “NEEDLE”');
  await expect(panel.locator('.message-row mark')).toHaveText('Needle');
  await panel.getByLabel('Search in message previews').fill('');
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});
