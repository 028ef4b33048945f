import type { PageDriver } from '../support/driver/driver';
import { expect, test } from './fixtures';
import { heardByPage, heardByServer as heardBy, openRecordedSocket, selectSocket } from './recorded-socket';

async function compose(panel: PageDriver, text: string): Promise<void> {
  await panel.click({ css: '[role="tab"]', text: 'Compose' });
  await panel.fill('textarea.composer-body', text);
}

test('the composer sends as the page, injects as received, marks both and saves messages that outlive the panel', async ({
  open,
  openPanel,
  server,
}) => {
  const id = `talk-${process.pid}-${Date.now()}`;
  const heardByServer = () => heardBy(server.http, id);
  const { page, tabId } = await open('blank.html');
  await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/record?id=${id}` });
  let panel = await openPanel(tabId);
  await selectSocket(panel, '/ws/record');

  // Send as page: the real send(), so the server gets it; the page's handlers get nothing.
  await compose(panel, 'hello from the tester');
  await panel.click({ css: '.composer-actions button', text: 'Send as page' });
  await expect.poll(heardByServer).toEqual(['hello from the tester']);

  // Inject as received: the page's onmessage and listeners get it, untrusted; the server nothing.
  await panel.fill('textarea.composer-body', '{"type":"injected"}');
  await panel.click({ css: '.composer-actions button', text: 'Inject as received' });
  await expect
    .poll(() => heardByPage(page))
    .toEqual([
      { via: 'onmessage', trusted: false, data: '{"type":"injected"}' },
      { via: 'listener', trusted: false, data: '{"type":"injected"}' },
    ]);
  // Bytes arrive typed by the socket's binaryType.
  await panel.select('select[aria-label="Message format"]', 'hex');
  await panel.fill('textarea.composer-body', 'ca fe');
  await panel.click({ css: '.composer-actions button', text: 'Inject as received' });
  await expect.poll(async () => (await heardByPage(page)).at(-1)?.data).toBe('ArrayBuffer:cafe');
  expect(await heardByServer()).toEqual(['hello from the tester']);

  // The log marks all three as the tester's; the page's own counts stay at zero.
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await expect.poll(() => panel.count('.message-row.tester')).toBe(3);
  expect(await panel.text({ css: '[role="tab"]', text: 'Messages' })).toContain('(3)');
  await panel.click('button[aria-label="More exports"]');
  const file = await panel.download(() =>
    panel.click({ css: '[role="menuitem"]', text: 'JSON close log with message previews' }),
  );
  const exported = JSON.parse(file.text) as {
    sockets: {
      url: string;
      sent: { messages: number };
      received: { messages: number };
      tester: { sent: { messages: number }; injected: { messages: number } };
      messages: { dir: string; tester?: boolean }[];
    }[];
  };
  const socket = exported.sockets.find((s) => s.url.includes(id));
  expect(socket).toMatchObject({
    sent: { messages: 0 },
    received: { messages: 0 },
    tester: { sent: { messages: 1 }, injected: { messages: 2 } },
  });
  expect(socket?.messages.map((m) => [m.dir, m.tester])).toEqual([
    ['sent', true],
    ['received', true],
    ['received', true],
  ]);

  // A logged message goes back into the composer, and is saved for this site.
  await panel.click({ css: '.message-row.tester', text: 'hello from the tester' });
  await panel.click({ css: '.message-detail button', text: 'Edit and resend' });
  await expect
    .poll(() => panel.evaluate(() => document.querySelector('textarea')?.value, null))
    .toBe('hello from the tester');
  await panel.click({ css: '.composer-actions button', text: 'Save…' });
  await panel.fill('input[aria-label="Name of the saved message"]', 'greeting');
  await panel.select('select[aria-label="Save for"]', 'site');
  await panel.press('Enter');
  await expect.poll(() => panel.count('.saved-row')).toBe(1);

  // Another panel, later: the saved message is still there and sends in one click.
  await panel.close();
  panel = await openPanel(tabId);
  await selectSocket(panel, '/ws/record');
  await panel.click({ css: '[role="tab"]', text: 'Compose' });
  await expect.poll(() => panel.text('.saved-toggle')).toBe('Saved (1)');
  await panel.click('.saved-toggle');
  await panel.click({ css: '.saved-row button', text: 'Send “greeting” as page' });
  await expect.poll(heardByServer).toEqual(['hello from the tester', 'hello from the tester']);
});

test('the message log collapses heartbeats into a count and filters by regex, docked narrow too', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  await page.evaluate(
    (url) =>
      new Promise<void>((resolve) => {
        const ws = new WebSocket(url);
        let echoed = 0;
        ws.onopen = () => ['2', '{"type":"ping"}', 'order 1', 'order 22'].forEach((m) => ws.send(m));
        ws.onmessage = () => ++echoed === 4 && resolve();
      }),
    `${server.ws}/ws/echo?noise`,
  );
  const panel = await openPanel(tabId, { size: [360, 600] });
  await selectSocket(panel, 'echo?noise');
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await expect.poll(() => panel.count('.message-row')).toBe(8);
  await panel.click({ css: '.message-filters label', text: 'Hide heartbeats' });
  await expect
    .poll(() => panel.text('[data-testid="hidden-count"]'))
    .toBe('4 of 8 shown · hidden: 4 heartbeats');
  await panel.fill('input[aria-label="Filter messages by text or /regex/"]', '/^order \\d{2}$/');
  await expect
    .poll(() => panel.text('[data-testid="hidden-count"]'))
    .toBe('2 of 8 shown · hidden: 4 heartbeats, 2 by filters');
  expect(await panel.count('.message-row')).toBe(2);
  const sideways = await panel.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    null,
  );
  expect(sideways).toBe(false);
});
