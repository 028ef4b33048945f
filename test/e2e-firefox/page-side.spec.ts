import puppeteer from 'puppeteer-core';
import { expect, test } from './fixtures';
import { closedRow, readRows } from './panel-reader';
import { expectExportMatches, expectRowMatches } from '../support/close-checks';
import { EARLY_SOCKET } from '../support/close-scenarios';
import { findFirefox } from '../support/firefox';
import { probeWebSocket } from '../support/websocket-probe';

// The MAIN-world content script must patch WebSocket before the page's first inline script.
test('a socket opened by the first script of the page, closed before the panel opens, is listed', async ({
  open,
  openPanel,
  ff,
  server,
}) => {
  const { page, tabId } = await open('early.html');
  const saw = await page.evaluate(() => (window as unknown as { early: Promise<unknown> }).early);
  expect(saw).toEqual({ code: 4000, reason: 'early', wasClean: true });

  const panel = await openPanel(tabId);
  const url = EARLY_SOCKET.path(server.ws);
  const { expected } = EARLY_SOCKET;
  expectRowMatches(await closedRow(panel, url), expected.saw, expected);
  expectExportMatches(await ff.exportJson(panel), url, expected.saw, expected);
});

test('the patched WebSocket is indistinguishable from the native one', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const patched = await page.evaluate(probeWebSocket, server.ws);

  const plain = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  try {
    const nativePage = await plain.newPage();
    await nativePage.goto(page.url());
    const native = await nativePage.evaluate(probeWebSocket, server.ws);
    expect(patched).toEqual(native);
  } finally {
    await plain.close();
  }
  // Sanity: the probe really exercised the API, through the recorder.
  expect(patched.log).toContain('onclose:4001:bye:true');
  const panel = await openPanel(tabId);
  const recorded = async () =>
    (await readRows(panel)).some(
      (r) => r.url === `${server.ws}/ws/echo` && r.reason === 'bye' && r.initiator === 'page',
    );
  await expect.poll(recorded, { message: "the probe's close(4001, 'bye') in the panel" }).toBe(true);
});
