import { readCloseLog } from '../../src/automation/close-log';
import {
  conformanceEnv,
  expectConformance,
  expectForgedEventsUnrecorded,
} from '../support/conformance-baseline';
import { runConformance } from '../support/conformance';
import { test } from './fixtures';

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
    await expectConformance(
      'chromium',
      conformanceEnv(server, `chromium-${process.pid}-${Date.now()}`),
      (env) => page.evaluate(runConformance, env),
      (env) => nativePage.evaluate(runConformance, env),
    );
    expectForgedEventsUnrecorded(await readCloseLog(page));
  } finally {
    await nativePage.close();
  }
});
