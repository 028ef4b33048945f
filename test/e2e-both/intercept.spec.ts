import { startSocketIoChatServer } from '../fixtures/libraries/socket-io-chat-server';
import type { PageDriver } from '../support/driver/driver';
import { expect, test } from './fixtures';
import { heardByPage, openRecordedSocket } from './recorded-socket';
import { addRule, openEmptyRules } from '../support/rule-form';

const heard = async (page: PageDriver) =>
  (await heardByPage(page)).filter((h) => h.via === 'onmessage').map((h) => h.data);
const send = (page: PageDriver, ...messages: string[]) =>
  page.evaluate((m) => m.forEach((x) => (window as unknown as { ws: WebSocket }).ws.send(x)), messages);

for (const inFrame of [false, true])
  test(`rules block and delay sent messages and rewrite received ones, in order${inFrame ? ', in an iframe' : ''}`, async ({
    open,
    openPanel,
    server,
  }) => {
    const { page, tabId } = await open('blank.html');
    const panel = await openPanel(tabId);
    await openEmptyRules(panel);
    await addRule(panel, { url: '*/ws/echo*', dir: 'sent', contains: 'secret', action: { kind: 'block' } });
    await addRule(panel, {
      url: '*/ws/echo*',
      dir: 'sent',
      contains: 'slow',
      action: { kind: 'delay', ms: 400 },
    });
    await addRule(panel, {
      url: '*/ws/echo*',
      dir: 'received',
      contains: 'cat',
      action: { kind: 'replace', find: 'cat', replace: 'dog' },
    });
    await expect.poll(() => panel.text('button.rules-toggle')).toBe('Rules · 3 on');

    await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/echo?intercept`, inFrame });
    // Blocked: the server never sees it, so it never comes back. Rewritten on the way in: the
    // echo of "a cat" reaches the page as "a dog", to onmessage and listeners alike, as an event
    // of the extension's (isTrusted false); "plain" is the browser's own.
    await send(page, 'a secret', 'a cat', 'plain');
    await expect
      .poll(() => heardByPage(page))
      .toEqual([
        { via: 'onmessage', trusted: false, data: 'a dog' },
        { via: 'listener', trusted: false, data: 'a dog' },
        { via: 'onmessage', trusted: true, data: 'plain' },
        { via: 'listener', trusted: true, data: 'plain' },
      ]);
    // Delayed: "fast" waits behind "slow", which goes out 400 ms after the page sent it.
    const elapsed = await page.evaluate(async () => {
      const w = window as unknown as { ws: WebSocket; heard: { data: string }[] };
      const start = Date.now();
      w.ws.send('slow');
      w.ws.send('fast');
      while (!w.heard.some((h) => h.data === 'fast')) await new Promise((r) => setTimeout(r, 10));
      return Date.now() - start;
    }, null);
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(await heard(page)).toEqual(['a dog', 'plain', 'slow', 'fast']);

    // The log marks what the rules did, with the original.
    await panel.click({ css: 'tr[data-socket-id]', text: 'echo?intercept' });
    await panel.click({ css: '[role="tab"]', text: 'Messages' });
    await expect
      .poll(() =>
        panel.evaluate(
          () =>
            [...document.querySelectorAll('.message-row.intercepted .m-intercept')].map((e) => e.textContent),
          null,
        ),
      )
      .toEqual(['◆ blocked', '◆ rewritten', '◆ delayed']);
  });

test('rules survive a reload of the page under an open panel', async ({ open, openPanel, server }) => {
  const { page, tabId } = await open('blank.html');
  const panel = await openPanel(tabId);
  await openEmptyRules(panel);
  await addRule(panel, { url: '*/ws/echo*', dir: 'sent', contains: 'secret', action: { kind: 'block' } });
  await page.reload();
  await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/echo?reloaded` });
  // Had "a secret" gone out, its echo would have come back before that of "plain".
  await send(page, 'a secret', 'plain');
  await expect.poll(() => heard(page)).toEqual(['plain']);
});

test('a breakpoint holds a received message for the panel, later ones wait behind it, and closing the panel releases them', async ({
  open,
  openPanel,
  server,
  driver,
}) => {
  const { page, tabId } = await open('blank.html');
  let panel = await openPanel(tabId);
  await openEmptyRules(panel);
  await addRule(panel, { url: '*/ws/echo*', dir: 'received', contains: 'hold', action: { kind: 'pause' } });
  // The toolbar badge says rules run on the tab.
  await expect.poll(() => driver.badgeText(tabId)).toBe('R');
  await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/echo?breakpoint` });
  await send(page, 'hold 1', 'after 2');
  await expect.poll(() => panel.count('[data-testid="held"]')).toBe(1);
  expect(await heard(page)).toEqual([]);
  await panel.click({ css: '.held button', text: 'Edit' });
  await panel.fill('textarea[aria-label="Edited message"]', 'edited 1');
  await panel.click({ css: '.held button', text: 'Forward edited' });
  await expect.poll(() => heard(page)).toEqual(['edited 1', 'after 2']);
  await expect.poll(() => panel.count('[data-testid="held"]')).toBe(0);

  // Held when the panel closes: forwarded, not left hanging.
  await send(page, 'hold 3', 'after 4');
  await expect.poll(() => panel.count('[data-testid="held"]')).toBe(1);
  // Docked below the page, a held message takes one line, its buttons in view.
  await panel.setSize(1280, 220);
  await expect
    .poll(() =>
      panel.evaluate(() => {
        const section = document.querySelector('[data-testid="held-messages"]')?.getBoundingClientRect();
        const drop = [...document.querySelectorAll('.held button')]
          .find((b) => b.textContent === 'Drop')
          ?.getBoundingClientRect();
        return !!section && !!drop && section.height <= 40 && drop.bottom <= section.bottom;
      }, null),
    )
    .toBe(true);
  await panel.close();
  await expect.poll(() => heard(page)).toEqual(['edited 1', 'after 2', 'hold 3', 'after 4']);
  await expect.poll(() => driver.badgeText(tabId)).toBe('');

  // The rule outlives the panel in storage, for this site: a new panel lists it again.
  panel = await openPanel(tabId);
  await panel.click('button.rules-toggle');
  await expect.poll(() => panel.count('[data-testid="rule"]')).toBe(1);
});

test('a socket.io app sees the event a rule rewrote on its way out, and one edited at a breakpoint on its way in, with later ones released in order', async ({
  driver,
  openPanel,
}) => {
  const server = await startSocketIoChatServer();
  try {
    const { page, tabId } = await driver.open(`${server.http}/`);
    const panel = await openPanel(tabId);
    await openEmptyRules(panel);
    // Out: the server gets, and echoes, "howdy". In: an event naming "hold" waits for the panel.
    await addRule(panel, {
      url: '*/socket.io/*',
      dir: 'sent',
      contains: 'hello',
      action: { kind: 'replace', find: 'hello', replace: 'howdy' },
    });
    await addRule(panel, {
      url: '*/socket.io/*',
      dir: 'received',
      contains: 'hold',
      action: { kind: 'pause' },
    });
    await page.evaluate(
      (base) => (window as unknown as { startChat(b: string): Promise<void> }).startChat(base),
      server.ws,
    );
    const heardByApp = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard, null);
    const chat = (text: string) =>
      page.evaluate((t) => (window as unknown as { chat(t: string): void }).chat(t), text);

    await chat('hello world');
    await expect.poll(heardByApp).toEqual(['howdy world']);

    await chat('hold me');
    await chat('next');
    await expect.poll(() => panel.count('[data-testid="held"]')).toBe(1);
    expect(await panel.text('.held-text')).toBe('42["chat","hold me"]');
    await new Promise((r) => setTimeout(r, 300));
    expect(await heardByApp()).toEqual(['howdy world']);
    await panel.click({ css: '.held button', text: 'Edit' });
    await panel.fill('textarea[aria-label="Edited message"]', '42["chat","edited at the breakpoint"]');
    await panel.click({ css: '.held button', text: 'Forward edited' });
    await expect.poll(heardByApp).toEqual(['howdy world', 'edited at the breakpoint', 'next']);
    await page.close();
  } finally {
    await server.close();
  }
});
