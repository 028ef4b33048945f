// The README's WebDriver BiDi recipe, as Selenium and WebdriverIO users follow it, over raw BiDi
// to Firefox ESR: the recorder as a preload script, then SNAPSHOT_SCRIPT evaluated in every
// browsing context (frames included) and closeLogFromAnswers. No extension, no client library.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { RECORDER_SCRIPT } from '../../src/automation/close-log';
import { SNAPSHOT_SCRIPT, abnormalCloses, closeLogFromAnswers } from '../../src/automation/read-close-log';
import { startScenarioServer } from '../fixtures/scenario-server';
import type { ScenarioServer } from '../fixtures/scenario-server';
import { BidiFirefox } from '../support/bidi-firefox';

let server: ScenarioServer;
let ff: BidiFirefox;
test.beforeEach(async () => {
  server = await startScenarioServer();
  ff = await BidiFirefox.launch();
  const source = await readFile(RECORDER_SCRIPT, 'utf8');
  await ff.send('script.addPreloadScript', { functionDeclaration: `() => { ${source} }` });
});
test.afterEach(async () => {
  await ff.close();
  await server.close();
});

/** The recipe's read: the snapshot script in every browsing context, then the close log. */
async function read() {
  const answers = await Promise.all(
    (await ff.contexts()).map(async (c) => (await ff.evaluate(c, SNAPSHOT_SCRIPT)).value),
  );
  return closeLogFromAnswers(answers);
}

async function openTab(path: string): Promise<string> {
  const [tab] = await ff.contexts();
  if (!tab) throw new Error('no tab');
  await ff.send('browsingContext.navigate', {
    context: tab,
    url: `${server.http}/${path}`,
    wait: 'complete',
  });
  return tab;
}

test('a preload script records the page, and the snapshot script reads its close log back', async () => {
  const tab = await openTab('blank.html');
  // The drop waits 500 ms after the upgrade: on a busy machine the page must have seen open by then.
  await ff.evaluate(
    tab,
    `Promise.all(['/ws/terminate?delay=500', '/ws/close?code=1000'].map((path) => new Promise((resolve) => {
      new WebSocket('${server.ws}' + path).onclose = resolve;
    })))`,
  );
  const log = await read();
  expect(log?.sockets.map((s) => `${new URL(s.url).pathname} ${s.close?.code}`)).toEqual([
    '/ws/terminate 1006',
    '/ws/close 1000',
  ]);
  expect(log && abnormalCloses(log).map((s) => s.close?.explanation)).toEqual([
    expect.stringMatching(/^Connection dropped after opening/),
  ]);
});

test('iframes too', async () => {
  // Measured in Firefox 153: an iframe's document reuses the Window of its initial about:blank,
  // so a preload script runs once, for about:blank; the recorder (installed once a Window) must
  // follow the window's current document to be asked for the iframe's sockets.
  const tab = await openTab('chat.html');
  await ff.evaluate(tab, 'window.chatDone');
  await expect
    .poll(
      async () => (await read())?.sockets.map((s) => `${new URL(s.url).pathname} ${s.close?.code}`).sort(),
      {
        timeout: 5000,
      },
    )
    .toEqual(['/ws/close 4002', '/ws/echo 1000']);
});
