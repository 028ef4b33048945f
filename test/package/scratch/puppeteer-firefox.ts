// Puppeteer over WebDriver BiDi, in Firefox: the recorder as a preload script, the close log
// read back, and the matchers a Jest or Vitest suite would extend `expect` with.
import puppeteer from 'puppeteer-core';
import { closeLogMatchers, readCloseLog, recordCloses } from 'websocket-close-inspector/puppeteer';
import { startApp } from './server.js';

const app = await startApp();
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX_PATH,
  headless: true,
});
try {
  const page = await browser.newPage();
  await recordCloses(page);
  await page.goto(`${app.url}/drop.html`);
  const closed = await closeLogMatchers.toHaveClosedWith.call(undefined, page, '/ws/drop', 1006);
  const none = await closeLogMatchers.toHaveNoAbnormalCloses(page);
  const log = await readCloseLog(page);
  console.log(
    JSON.stringify({
      closed: closed.pass,
      noAbnormal: none.pass,
      message: none.message(),
      codes: log.sockets.map((s) => s.close?.code),
    }),
  );
} finally {
  await browser.close();
  await app.close();
}
