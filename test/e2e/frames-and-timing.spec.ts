import { expect, test } from './fixtures';
import { closedRow, exportJson, readRows } from './panel-reader';
import { expectExportMatches, expectRowMatches } from '../support/close-checks';
import { EARLY_SOCKET } from '../support/close-scenarios';

test('a socket opened by the first script of the page, closed before the panel opens, is listed', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('early.html');
  const saw = await page.evaluate(() => (window as unknown as { early: Promise<unknown> }).early);
  expect(saw).toEqual({ code: 4000, reason: 'early', wasClean: true });

  const panel = await ext.openPanel(tabId);
  const url = EARLY_SOCKET.path(server.ws);
  const { expected } = EARLY_SOCKET;
  expectRowMatches(await closedRow(panel, url), expected.saw, expected);
  expectExportMatches(await exportJson(panel), url, expected.saw, expected);
});

test('a socket in an iframe is listed with its frame', async ({ open, ext, server }) => {
  const { page, tabId } = await open('frame-parent.html');
  const child = page.frameLocator('iframe');
  await expect(child.locator('body')).toHaveText('child');
  const saw = await page
    .frames()[1]!
    .evaluate(() => (window as unknown as { result: Promise<unknown> }).result);
  expect(saw).toEqual({ code: 4002, reason: 'from iframe', wasClean: true });

  const panel = await ext.openPanel(tabId);
  const url = `${server.ws}/ws/close?code=4002&reason=from%20iframe`;
  await closedRow(panel, url);
  const row = panel.locator('tr[data-socket-id]', { hasText: 'from iframe' });
  await expect(row.locator('.frame-tag')).toHaveText('iframe');
  await row.click();
  await expect(panel.locator('.details')).toContainText(`${server.http}/frame-child.html`);
});

test('sockets of about:blank and srcdoc iframes are recorded, even when used at once', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const codes = await page.evaluate(async (ws) => {
    const close = (W: typeof WebSocket, code: number) =>
      new Promise<number>(
        (resolve) => (new W(`${ws}/ws/close?code=${code}`).onclose = (e) => resolve(e.code)),
      );
    const blank = document.createElement('iframe');
    document.body.append(blank);
    // Used in the same task that created the frame: the recorder must already be in it.
    const immediate = close((blank.contentWindow as unknown as typeof window).WebSocket, 4100);
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = `<script>new WebSocket('${ws}/ws/close?code=4102').onclose = (e) => parent.postMessage(e.code, '*')</script>`;
    const fromSrcdoc = new Promise<number>((resolve) =>
      addEventListener('message', (e) => resolve(e.data as number), { once: true }),
    );
    document.body.append(srcdoc);
    return Promise.all([immediate, fromSrcdoc]);
  }, server.ws);
  expect(codes).toEqual([4100, 4102]);

  const panel = await ext.openPanel(tabId);
  for (const code of codes) await closedRow(panel, `${server.ws}/ws/close?code=${code}`);
  const rows = await readRows(panel);
  expect(rows).toHaveLength(2);
});

test('an iframe created while the panel is open streams its messages to it', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  await expect(panel.getByTestId('summary')).toHaveText('0 sockets');
  // The frame's document starts after the panel subscribed: it must be asked to stream too.
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>
      const ws = new WebSocket('${url}');
      let sent = 0;
      ws.onopen = () => { ws.send('one'); sent++; };
      ws.onmessage = () => { if (sent < 3) { ws.send('more'); sent++; } };
    </script>`;
    document.body.append(frame);
  }, `${server.ws}/ws/echo`);
  await expect
    .poll(async () =>
      (await exportJson(panel)).sockets.map((s) => [s.state, s.sent.messages, s.received.messages]),
    )
    .toEqual([['open', 3, 3]]);
});
