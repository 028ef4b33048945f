import { rowSelector } from '../support/panel-rows';
import { expect, test } from './fixtures';
import { moreMenu, showMessages } from './panel-actions';

const received = (url: string) => `${rowSelector(url)} [data-col="received"]`;
const selectedPreview = '.message-row.selected .m-preview';

test('a socket with 100,000 messages renders a small DOM and scrolls through all of them', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
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
  await expect.poll(() => panel.text(received(url))).toMatch(/^100000 \//);
  await showMessages(panel, url);
  await expect.poll(() => panel.text('[role="tab"].active')).toBe('Messages (100,000)');
  await expect.poll(() => panel.count('.message-row')).toBeGreaterThan(0);
  expect(await panel.count('.message-row')).toBeLessThan(100);

  await panel.focus('[role="listbox"][aria-label*="Messages"]');
  await panel.press('End');
  await expect.poll(() => panel.text(selectedPreview)).toBe(`99999:${'x'.repeat(16)}`);
  expect(await panel.count('.message-row')).toBeLessThan(100);
  await panel.press('Home');
  await expect.poll(() => panel.text(selectedPreview)).toBe(`0:${'x'.repeat(16)}`);
  await panel.evaluate(() => {
    const list = document.querySelector('[role="listbox"][aria-label*="Messages"]');
    list?.scrollTo(0, list.scrollHeight / 2);
  }, null);
  await expect.poll(() => panel.box({ css: '.message-row .m-preview', text: /^50\d{3}:/ })).not.toBeNull();
  expect(await panel.count('.message-row')).toBeLessThan(100);
  expect(await panel.count('[data-testid="dropped-note"]')).toBe(0);
});

test('messages show JSON as a tree, binary as a hex dump, and copy', async ({ open, openPanel, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  const url = `${server.ws}/ws/echo`;
  const json = JSON.stringify({ user: { name: '<b>ada</b>', roles: ['admin'] }, n: 1 });
  await page.evaluate(
    ([u, text]) =>
      new Promise((resolve) => {
        const ws = new WebSocket(u);
        ws.binaryType = 'arraybuffer';
        let n = 0;
        ws.onopen = () => {
          ws.send(text);
          ws.send(new Uint8Array([0x48, 0x69, 0x00, 0xff]));
          ws.send('plain '.repeat(200));
        };
        ws.onmessage = () => ++n === 3 && resolve(n);
      }),
    [url, json] as const,
  );
  await expect.poll(() => panel.text(received(url))).toMatch(/^3 \//);
  await showMessages(panel, url);

  const nth = (n: number) => `.message-row.received:nth-child(${n + 1} of .message-row.received)`;
  const detail = '[aria-label="Selected message"]';
  await panel.click(nth(0));
  await expect.poll(() => panel.text(`${detail} [role="tree"]`)).toContain('name: "<b>ada</b>"');
  await panel.click({ css: `${detail} [role="tree"] button`, text: 'Collapse' });
  await expect.poll(() => panel.text(`${detail} [role="tree"]`)).toContain('2 entries');
  await panel.click({ css: `${detail} .message-meta button`, text: /^Copy$/ });
  await expect
    .poll(() => panel.text({ css: `${detail} .message-meta button`, text: /^Copied$/ }))
    .not.toBeNull();
  // The copy is the browser's: read the clipboard back from the page.
  expect(await page.readClipboard()).toBe(json);

  await panel.bringToFront();
  await panel.click(nth(1));
  await expect
    // Whitespace collapsed, as the user reads it (and as Playwright's toHaveText compares).
    .poll(async () => (await panel.text(`${detail} [aria-label="Hex dump"]`))?.replace(/\s+/g, ' '))
    .toBe('00000000 48 69 00 ff Hi..');
  await panel.click(nth(2));
  await expect
    .poll(() => panel.text(`${detail} .note`))
    .toBe('Preview: the first 1,024 characters of 1.2 KiB.');
  await panel.click({ css: `${detail} button`, text: 'Show the whole preview (1,024 characters)' });
  await expect.poll(() => panel.text(`${detail} .message-text`)).toBe('plain '.repeat(200).slice(0, 1024));
  expect(await panel.count('main b')).toBe(0);
});

test('the preview cap is configurable and the panel says when older previews were dropped', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  const perSocket = { css: '[aria-label="Message preview limits"] label', text: 'Per socket' };
  const perSocketInput = '[aria-label="Message preview limits"] label:first-of-type input';
  const apply = { css: '[aria-label="Message preview limits"] button', text: 'Apply' };
  await moreMenu(panel, 'Message preview limits…');
  await expect.poll(() => panel.box(perSocket)).not.toBeNull();
  await panel.fill(perSocketInput, '500');
  await panel.click(apply);
  const url = `${server.ws}/ws/numbered?n=2000&size=8`;
  await page.evaluate(
    (u) =>
      new Promise((resolve) => {
        let n = 0;
        new WebSocket(u).onmessage = () => ++n === 2000 && resolve(n);
      }),
    url,
  );
  await expect.poll(() => panel.text(received(url))).toMatch(/^2000 \//);
  await showMessages(panel, url);
  await expect
    .poll(() => panel.text('[data-testid="dropped-note"]'))
    .toContain('Showing the newest 500 of 2,000 messages');
  // A new panel keeps the setting; the worker's browser runs other tests, so it goes back after.
  const again = await openPanel(tabId);
  await moreMenu(again, 'Message preview limits…');
  await expect
    .poll(() => again.evaluate((css) => document.querySelector<HTMLInputElement>(css)?.value, perSocketInput))
    .toBe('500');
  await again.fill(perSocketInput, '100000');
  await again.click(apply);
});
