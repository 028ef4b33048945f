import { expect, test } from './fixtures';

const headers = (panel: { evaluate<R, A>(fn: (a: A) => R, a: A): Promise<R> }) =>
  panel.evaluate(() => [...document.querySelectorAll('table.sockets th')].map((th) => th.textContent), null);

test('the column chooser (right-click on the header) hides and shows any column, and remembers it', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  await page.evaluate(
    (url) => new Promise((resolve) => (new WebSocket(url).onclose = resolve)),
    `${server.ws}/ws/close?code=4001&reason=bye`,
  );
  const panel = await openPanel(tabId, { size: [1280, 700] });
  await expect.poll(() => headers(panel)).toContain('Reason');
  await panel.click({ css: 'table.sockets th', text: 'Reason' }, { button: 'right' });
  await panel.click({ css: '[role="dialog"][aria-label="Columns"] label', text: 'Reason' });
  await expect.poll(() => headers(panel)).not.toContain('Reason');
  await panel.press('Escape');
  await expect.poll(() => panel.count('[aria-label="Columns"]')).toBe(0);

  const again = await openPanel(tabId, { size: [1280, 700] });
  await expect.poll(() => again.count('tr[data-socket-id]')).toBe(1);
  expect(await headers(again)).not.toContain('Reason');
  // Back on, from the More menu this time.
  await again.click('button[aria-label="More tools and settings"]');
  await again.click({ css: '[role="menuitem"]', text: 'Columns…' });
  await again.click({ css: '[aria-label="Columns"] label', text: 'Reason' });
  await expect.poll(() => headers(again)).toContain('Reason');
});

// Chromium's deep capture switch sits beside them; Firefox shows a note there instead.
const LABELS = '[role="toolbar"] > label:not(:has([data-testid="deep-capture"]))';
const SWITCHES = 'input:not([data-testid="deep-capture"])';

test('a narrow panel keeps Preserve log and the timeline switch in its More menu', async ({
  open,
  openPanel,
}) => {
  const { tabId } = await open('blank.html');
  const panel = await openPanel(tabId, { size: [400, 600] });
  expect(await panel.count('[role="toolbar"] > label')).toBe(0);
  await panel.click('button[aria-label="More tools and settings"]');
  await panel.click({ css: '.menu label', text: 'Preserve log' });
  expect(
    await panel.evaluate(
      (inputs) =>
        [...document.querySelectorAll<HTMLInputElement>(`.menu label ${inputs}`)].map((i) => i.checked),
      SWITCHES,
    ),
  ).toEqual([true, true]);
  await panel.setSize(1200, 600);
  await expect.poll(() => panel.count(LABELS)).toBe(2);
  expect(
    await panel.evaluate(
      (labels) => [...document.querySelectorAll<HTMLInputElement>(`${labels} input`)].map((i) => i.checked),
      LABELS,
    ),
  ).toEqual([true, true]);
});
