import puppeteer from 'puppeteer-core';
import { readCloseLog } from '../../src/automation/close-log';
import {
  conformanceEnv,
  expectConformance,
  expectForgedEventsUnrecorded,
} from '../support/conformance-baseline';
import { runConformance } from '../support/conformance';
import { findFirefox } from '../support/firefox';
import { test } from './fixtures';

test('the WebSocket API behaves as without the extension, which behaves as the committed baseline', async ({
  open,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await open('blank.html');
  const plain = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  try {
    const nativePage = await plain.newPage();
    await nativePage.goto(page.url());
    await expectConformance(
      'firefox',
      conformanceEnv(server, `firefox-${process.pid}-${Date.now()}`),
      (env) => page.evaluate(runConformance, env),
      (env) => nativePage.evaluate(runConformance, env),
    );
    expectForgedEventsUnrecorded(await readCloseLog(page));
  } finally {
    await plain.close();
  }
});
