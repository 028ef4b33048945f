import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { listTargets } from '../../test/support/cdp-target';
import { BASE_FLAGS, findChromium } from '../../test/support/chromium';
import { findFrontEnd } from '../../test/support/devtools-frontend';
import { sessionScript } from './session';

/**
 * A HAR exactly as Chromium's DevTools writes it: a plain Chromium (no extension) with DevTools
 * open on the tab, the session run in the page, then the front end's own HAR writer
 * (HAR.Writer.harStringForRequests, what Network > Export HAR calls) over its network log.
 * Returns the HAR text and what the page's close events said.
 */
export async function chromiumDevtoolsHar(server: {
  http: string;
  ws: string;
}): Promise<{ har: string; closes: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'wsci-har-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [...BASE_FLAGS, '--auto-open-devtools-for-tabs', '--remote-debugging-port=0'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.http}/blank.html`);
    // DevTools records the network only while it is attached: find it before any socket opens.
    const frontEnd = await findFrontEnd(() => listTargets(profile), page.url());
    const closes = await page.evaluate<string>(sessionScript(server.ws));
    const har = await frontEnd.evaluate<string>(`(async () => {
      const logs = await import('devtools://devtools/bundled/models/logs/logs.js');
      const har = await import('devtools://devtools/bundled/models/har/har.js');
      const progress = { setTotalWork() {}, setWorked() {}, incrementWorked() {}, setTitle() {}, done() {},
        isCanceled() { return false; }, createSubProgress() { return progress; } };
      const requests = logs.NetworkLog.NetworkLog.instance().requests();
      return har.Writer.Writer.harStringForRequests(requests, { sanitize: false }, progress);
    })()`);
    frontEnd.close();
    return { har, closes };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
