import { expect, test } from './fixtures';
import { closedRow } from './panel-reader';
import { rowSelector } from '../support/panel-rows';

/**
 * The recorder records only events the browser generated, with one exception: the 1006 close
 * event its own simulated drop dispatches (isTrusted false) is recorded as the socket's close,
 * marked injected.
 */
test('"Simulate drop": the page sees an untrusted 1006; the log records it as the injected close', async ({
  open,
  openPanel,
  ff,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const url = `${server.ws}/ws/echo?drop`;
  await page.evaluate(
    (u) =>
      new Promise<void>((resolve) => {
        const seen: unknown[] = [];
        (window as unknown as { seen: unknown[] }).seen = seen;
        const ws = new WebSocket(u);
        ws.onopen = () => resolve();
        ws.addEventListener('close', (e) => seen.push([e.code, e.wasClean, e.isTrusted]));
      }),
    url,
  );
  const panel = await openPanel(tabId);
  await panel.bringToFront();
  await panel.locator(`${rowSelector(url)} [data-col="url"]`).click();
  await panel.locator('::-p-aria(Simulate drop[role="button"])').click();

  await page.bringToFront();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen))
    .toEqual([[1006, false, false]]);
  expect(await closedRow(panel, url)).toMatchObject({ initiator: 'tester', tone: 'injected' });
  const log = await ff.exportJson(panel);
  expect(log.sockets.find((s) => s.url === url)).toMatchObject({
    close: { code: 1006, wasClean: false, initiator: 'tester', injected: true, abnormal: false },
    injection: { action: 'drop', code: null, reason: null },
  });
});
