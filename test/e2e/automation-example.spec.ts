// How a QA suite uses the recorder without the extension: inject dist/recorder.js before the page
// loads, run the flow, read the close log, assert on it. A plain Chromium, no extension loaded.
import { chromium, expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { RECORDER_SCRIPT, abnormalCloses, readCloseLog } from '../../src/automation/close-log';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';
import { BASE_FLAGS, findChromium } from '../support/chromium';

let browser: Browser;
let server: ScenarioServer;
test.beforeAll(async () => {
  server = await startScenarioServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: BASE_FLAGS });
});
test.afterAll(async () => {
  await browser.close();
  await server.close();
});

/** A page of the demo server with the recorder injected before any of its scripts runs. */
async function recordedPage(path: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript({ path: RECORDER_SCRIPT });
  const page = await context.newPage();
  await page.goto(`${server.http}/${path}`);
  return page;
}

test('the demo produces exactly its known abnormal closes', async () => {
  const page = await recordedPage('demo.html');
  await page.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone);

  const log = await readCloseLog(page);
  expect(log.sockets.length).toBe(14);
  const abnormal = abnormalCloses(log).map((s) => `${new URL(s.url).pathname} ${s.close!.code}`);
  expect(abnormal.sort()).toEqual(
    [
      '/ws/close 1008', // the server rejects the token
      '/ws/close 1011', // the server's handler throws
      '/ws/terminate 1006', // the connection drops
      '/ws/status 1006', // HTTP 403 to the handshake
      '/ws/bad-utf8 1006', // the browser fails the connection
      ...Array<string>(4).fill('/ws/feed 1006'), // the price feed drops on every attempt
    ].sort(),
  );
  await page.context().close();
});

test('a flow that only closes normally has no abnormal closes, iframes included', async () => {
  const page = await recordedPage('chat.html');
  await page.evaluate(() => (window as unknown as { chatDone: Promise<unknown> }).chatDone);
  await page.frames()[1]!.evaluate(() => (window as unknown as { result: Promise<unknown> }).result);

  const log = await readCloseLog(page, { previews: true });
  expect(abnormalCloses(log)).toEqual([]);
  // One socket from the page, one from its iframe (which of them came first is up to the browser).
  expect(log.sockets.map((s) => `${new URL(s.url).pathname} ${s.close?.code}`).sort()).toEqual([
    '/ws/close 4002',
    '/ws/echo 1000',
  ]);
  const chat = log.sockets.find((s) => s.url.endsWith('/ws/echo'))!;
  expect(chat.messages!.map((m) => [m.dir, m.preview])).toEqual([
    ['sent', '{"type":"hello"}'],
    ['received', '{"type":"hello"}'],
  ]);
  await page.context().close();
});

test('without the recorder, the helper says how to add it', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.http}/blank.html`);
  await expect(readCloseLog(page)).rejects.toThrow(
    /^No WebSocket recorder answered in this page: add the recorder before the page loads \(Playwright: /,
  );
  await page.close();
});
