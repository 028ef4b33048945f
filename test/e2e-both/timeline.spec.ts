import type { PageDriver } from '../support/driver/driver';
import { rowsInPage } from '../support/panel-rows';
import { expect, test } from './fixtures';

const readRows = (panel: PageDriver) => panel.evaluate(rowsInPage, null);
/** The class list of the first element `css` names. */
const classOf = (panel: PageDriver, css: string) =>
  panel.evaluate((c) => document.querySelector(c)?.getAttribute('class') ?? '', css);

test('clicking a bar on the timeline selects its socket', async ({ open, openPanel, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  await page.evaluate(async (ws) => {
    const run = (url: string) => new Promise((resolve) => (new WebSocket(url).onclose = resolve));
    await run(`${ws}/ws/close?code=1000`);
    await run(`${ws}/ws/terminate?delay=300`);
  }, server.ws);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(2);
  const dropped = (await readRows(panel)).find((r) => r.url.includes('terminate'))!;
  const bar = `.timeline g.bar[data-socket-id="${dropped.id}"]`;
  expect(await classOf(panel, bar)).toMatch(/tone-abnormal-1006/);
  await panel.click(`${bar} rect:last-of-type`);
  const row = `tr[data-socket-id="${dropped.id}"]`;
  await expect
    .poll(() => panel.evaluate((c) => document.querySelector(c)?.getAttribute('aria-selected'), row))
    .toBe('true');
  expect(await panel.text('[aria-label="Selected socket"]')).toContain('Connection dropped after opening');
  expect(await classOf(panel, bar)).toMatch(/selected/);
});
