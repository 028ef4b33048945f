import { expect, test } from './fixtures';
import { readRows } from './panel-reader';
import { watchSocket } from '../support/page-scripts';

/**
 * Firefox tells extensions why a WebSocket handshake failed (Chromium 156 reports only
 * net::ERR_FAILED): the panel shows the upgrade response's HTTP status and the network error,
 * also for failures that happened before the panel was opened.
 */
test('a failed handshake shows its HTTP status or network error', async ({ open, openPanel, server }) => {
  const { page, tabId } = await open('blank.html');
  const forbidden = `${server.ws}/ws/status?code=403`;
  const refused = `ws://127.0.0.1:${server.refusedPort}/x`;
  for (const url of [forbidden, refused]) await page.evaluate(watchSocket, { url });

  const panel = await openPanel(tabId);
  await expect
    .poll(async () => (await readRows(panel)).map((r) => [r.url, r.explanation]))
    .toEqual([
      [
        forbidden,
        'Handshake failed, never opened: the server answered the upgrade request with HTTP 403 Refused: forbidden: often auth middleware or an origin check refusing this page',
      ],
      [
        refused,
        'Handshake failed, never opened: connection refused: nothing accepts connections on that host and port (NS_ERROR_CONNECTION_REFUSED)',
      ],
    ]);
  const handshakeFact = async (index: number) => {
    await panel.evaluate(
      (i) => (document.querySelectorAll('tr[data-socket-id]')[i] as HTMLElement).click(),
      index,
    );
    return panel.evaluate(() => document.querySelector('[data-testid="handshake"]')?.textContent ?? '');
  };
  await expect.poll(() => handshakeFact(0)).toMatch(/^HTTP 403 Refused/);
  await expect.poll(() => handshakeFact(1)).toMatch(/^NS_ERROR_CONNECTION_REFUSED/);
});
