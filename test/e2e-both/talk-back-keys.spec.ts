import type { PageDriver, Where } from '../support/driver/driver';
import { target } from '../support/driver/driver';
import { expect, test } from './fixtures';
import { heardByPage, heardByServer, openRecordedSocket, selectSocket } from './recorded-socket';

/** Runs in the panel: whether the focused element is `where`, and whether its focus shows. */
function focusedIs(where: { css: string; text?: string; flags?: string }): { is: boolean; outline: string } {
  const el = document.activeElement;
  if (!el || !el.matches(where.css)) return { is: false, outline: '' };
  const pattern = where.text === undefined ? null : new RegExp(where.text, where.flags);
  const is =
    !pattern ||
    pattern.test((el.textContent ?? '').trim()) ||
    pattern.test(el.getAttribute('aria-label') ?? '');
  return { is, outline: getComputedStyle(el).outlineStyle };
}

/**
 * Presses Tab (Shift+Tab with `back`) until `where` has the focus, as a keyboard user gets there;
 * fails if it is not reached, or is reached with no visible focus.
 */
async function tabTo(panel: PageDriver, where: Where, { back = false } = {}): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await panel.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await panel.evaluate(focusedIs, target(where));
    if (!focus.is) continue;
    expect(focus.outline, `the focus ring of ${JSON.stringify(where)}`).not.toBe('none');
    return;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${JSON.stringify(target(where))}`);
}

const textarea = 'textarea.composer-body';
const draftText = (panel: PageDriver) =>
  panel.evaluate((css) => document.querySelector<HTMLTextAreaElement>(css)?.value, textarea);

test('the composer and the saved messages work from the keyboard alone', async ({
  open,
  openPanel,
  server,
}) => {
  const id = `keys-${process.pid}-${Date.now()}`;
  // Saved for this site, which every test of the worker shares: a name no other test uses.
  const name = `by keys ${id}`;
  const typed = 'typed, sent by keys';
  const { page, tabId } = await open('blank.html');
  await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/record?id=${id}` });
  const panel = await openPanel(tabId, { theme: 'dark' });
  await expect.poll(() => panel.count('tr[data-socket-id]')).toBe(1);

  // The socket table: arrows select, Enter shows the socket's messages.
  await tabTo(panel, { css: '[aria-label^="WebSockets:"]' });
  await panel.press('ArrowDown');
  await panel.press('Enter');
  await expect.poll(() => panel.text('[role="tab"].active')).toMatch(/^Messages/);
  await tabTo(panel, { css: '[role="tab"]', text: 'Compose' });
  await panel.press('Enter');

  // The draft: typed, then Ctrl+Enter sends it as the page, Ctrl+Shift+Enter injects it.
  await tabTo(panel, textarea);
  await panel.type(typed);
  await panel.press('Control+Enter');
  await expect.poll(() => heardByServer(server.http, id)).toEqual([typed]);
  await panel.press('Control+Shift+Enter');
  await expect
    .poll(() => heardByPage(page))
    .toEqual([
      { via: 'onmessage', trusted: false, data: typed },
      { via: 'listener', trusted: false, data: typed },
    ]);

  // Save…: the name field takes the focus, Enter saves, and the focus goes back to Save….
  await tabTo(panel, { css: '.composer-actions button', text: 'Save…' });
  await panel.press('Enter');
  const nameField = 'input[aria-label="Name of the saved message"]';
  await expect.poll(() => panel.evaluate(focusedIs, { css: nameField })).toMatchObject({ is: true });
  await panel.type(name);
  await panel.press('Enter');
  await expect.poll(() => panel.box({ css: '.saved-row', text: name })).not.toBeNull();
  expect(await panel.evaluate(focusedIs, target({ css: 'button', text: 'Save…' }))).toMatchObject({
    is: true,
  });

  // The list: find by name, then Send, Inject, Edit and delete, each with Enter.
  await tabTo(panel, 'input[aria-label="Find a saved message by name"]', { back: true });
  await panel.type(id);
  await expect.poll(() => panel.count('.saved-row')).toBe(1);
  await tabTo(panel, { css: '.saved-row button', text: `Send “${name}” as page` });
  await panel.press('Enter');
  await expect.poll(() => heardByServer(server.http, id)).toEqual([typed, typed]);
  await tabTo(panel, { css: '.saved-row button', text: `Inject “${name}” as received` });
  await panel.press('Enter');
  await expect.poll(async () => (await heardByPage(page)).length).toBe(4);

  // Edit brings the saved draft back over whatever the composer holds.
  await tabTo(panel, textarea);
  await panel.press('Control+a');
  await panel.type('scratch');
  await expect.poll(() => draftText(panel)).toBe('scratch');
  await tabTo(panel, { css: '.saved-row button', text: `Edit “${name}” in the composer` }, { back: true });
  await panel.press('Enter');
  await expect.poll(() => draftText(panel)).toBe(typed);

  await tabTo(panel, { css: '.saved-row button', text: `Delete “${name}”` });
  await panel.press('Enter');
  await expect.poll(() => panel.count('.saved-row')).toBe(0);
  expect(await heardByServer(server.http, id)).toEqual([typed, typed]);
});

test('a socket inside an iframe takes messages sent and injected from the panel', async ({
  open,
  openPanel,
  server,
}) => {
  const id = `frame-${process.pid}-${Date.now()}`;
  const { page, tabId } = await open('blank.html');
  await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/record?id=${id}`, inFrame: true });
  const panel = await openPanel(tabId);
  await selectSocket(panel, id);
  await panel.click({ css: '[role="tab"]', text: 'Compose' });
  await panel.fill(textarea, 'to the frame');
  await panel.click({ css: '.composer-actions button', text: 'Send as page' });
  await expect.poll(() => heardByServer(server.http, id)).toEqual(['to the frame']);
  await panel.click({ css: '.composer-actions button', text: 'Inject as received' });
  await expect
    .poll(() => heardByPage(page))
    .toEqual([
      { via: 'onmessage', trusted: false, data: 'to the frame' },
      { via: 'listener', trusted: false, data: 'to the frame' },
    ]);
  expect(await heardByServer(server.http, id)).toEqual(['to the frame']);
});
