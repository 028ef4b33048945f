import type { PageDriver } from '../support/driver/driver';
import { rowSelector, rowsInPage } from '../support/panel-rows';
import { expect, test } from './fixtures';

async function sockets(page: PageDriver, ws: string) {
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

const readRows = (panel: PageDriver) => panel.evaluate(rowsInPage, null);

test('filters hide sockets by URL, state, code and abnormality, and clearing them restores all', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  await sockets(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
  const urls = async () =>
    (await readRows(panel)).map((r) => new URL(r.url).pathname + new URL(r.url).search);

  await panel.fill('input[aria-label="Filter by URL"]', 'TERMINATE');
  await expect.poll(urls).toEqual(['/ws/terminate']);
  await panel.fill('input[aria-label="Filter by URL"]', '');

  await panel.select('select[aria-label="Filter by state"]', 'open');
  await expect.poll(urls).toEqual(['/ws/echo?live']);
  await panel.select('select[aria-label="Filter by state"]', 'all');

  await panel.fill('input[aria-label="Filter by close code"]', '4000-4999, 1000');
  await expect
    .poll(urls)
    .toEqual(['/ws/close?code=1000&reason=fine', '/ws/close?after=message&code=4001&reason=kicked']);
  await panel.fill('input[aria-label="Filter by close code"]', '10x6');
  await expect
    .poll(() => panel.text('.filter-bar [role="alert"]'))
    .toBe('"10x6" is not a code or a range like 4000-4999');
  await panel.fill('input[aria-label="Filter by close code"]', '');

  await panel.click({ css: '.filter-bar label', text: 'Abnormal only' });
  await expect.poll(urls).toEqual(['/ws/terminate', '/ws/close?after=message&code=1011']);
  await expect.poll(() => panel.text('[data-testid="filter-count"]')).toBe('2 of 5 shown');
  await panel.click({ css: 'button', text: 'Clear filters' });
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});

test('search finds text in message previews and marks the matches', async ({ open, openPanel, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  await sockets(page, server.ws);
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
  await panel.fill('input[aria-label="Search in message previews"]', 'NEEDLE');
  await expect.poll(async () => (await readRows(panel)).length).toBe(1);
  const row = rowSelector(`${server.ws}/ws/close?after=message&code=4001&reason=kicked`);
  await expect.poll(() => panel.text(`${row} .match-count`)).toBe('1');
  await panel.click(row);
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await expect.poll(() => panel.text('[data-testid="match-note"]')).toBe('1 of 1 messages contain “NEEDLE”');
  expect(await panel.text('.message-row mark')).toBe('Needle');
  await panel.fill('input[aria-label="Search in message previews"]', '');
  await expect.poll(async () => (await readRows(panel)).length).toBe(5);
});
