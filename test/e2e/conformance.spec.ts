import { readCloseLog } from '../../src/automation/close-log';
import {
  conformanceEnv,
  expectBaseline,
  expectForgedEventsUnrecorded,
  normalized,
} from '../support/conformance-baseline';
import { runConformance } from '../support/conformance';
import { expect, test } from './fixtures';

test('the WebSocket API behaves as without the extension, which behaves as the committed baseline', async ({
  open,
  plain,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = await open('blank.html');
  const nativePage = await plain.context.newPage();
  try {
    await nativePage.goto(page.url());
    const env = conformanceEnv(server, `chromium-${process.pid}-${Date.now()}`);
    const [patched, native] = await Promise.all([
      page.evaluate(runConformance, { ...env, run: `${env.run}-ext` }),
      nativePage.evaluate(runConformance, { ...env, run: `${env.run}-plain` }),
    ]);
    const n = normalized(native, { ...env, run: `${env.run}-plain` });
    expect(normalized(patched, { ...env, run: `${env.run}-ext` })).toEqual(n);
    expectForgedEventsUnrecorded(await readCloseLog(page));
    expectBaseline('chromium', n);
  } finally {
    await nativePage.close();
  }
});
