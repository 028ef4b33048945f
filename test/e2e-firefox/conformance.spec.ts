import puppeteer from 'puppeteer-core';
import { readCloseLog } from '../../src/automation/close-log';
import type { PageLike } from '../../src/automation/close-log';
import {
  conformanceEnv,
  expectBaseline,
  expectForgedEventsUnrecorded,
  normalized,
} from '../support/conformance-baseline';
import { runConformance } from '../support/conformance';
import { findFirefox } from '../support/firefox';
import { expect, test } from './fixtures';

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
    const env = conformanceEnv(server, `firefox-${process.pid}-${Date.now()}`);
    const [patched, native] = await Promise.all([
      page.evaluate(runConformance, { ...env, run: `${env.run}-ext` }),
      nativePage.evaluate(runConformance, { ...env, run: `${env.run}-plain` }),
    ]);
    const n = normalized(native, { ...env, run: `${env.run}-plain` });
    expect(normalized(patched, { ...env, run: `${env.run}-ext` })).toEqual(n);
    expectForgedEventsUnrecorded(await readCloseLog(page as unknown as PageLike));
    expectBaseline('firefox', n);
  } finally {
    await plain.close();
  }
});
