import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { exportJson } from './panel-reader';
import { busyCounts, startBusySocket, stopBusySocket } from './busy-socket';
import { watchSocket } from '../support/page-scripts';

/** The busy socket's counters as the panel's export has them. */
async function panelCounts(panel: Page, url: string) {
  const s = (await exportJson(panel)).sockets.find((x) => x.url === url);
  return s ? { sent: s.sent.messages, received: s.received.messages, code: s.close?.code ?? null } : null;
}

test('the MV3 service worker stopped mid-session: the open panel loses nothing and keeps counting', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  const url = `${server.ws}/ws/echo`;
  await startBusySocket(page, url);
  await expect.poll(async () => (await panelCounts(panel, url))?.received ?? 0).toBeGreaterThan(20);

  // The worker's running status as CDP reports it, in order (Playwright sees no restarts).
  const statuses: string[] = [];
  const cdp = await ext.context.newCDPSession(ext.extensionPage);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions)
      if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  for (let stop = 0; stop < 2; stop++) {
    statuses.length = 0;
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Stopped, then woken again by the panel's reconnecting port or the relay's next batch.
    await expect.poll(() => statuses.includes('stopped') && statuses.at(-1) === 'running').toBe(true);
    const atRestart = (await busyCounts(page)).received;
    await expect
      .poll(async () => (await panelCounts(panel, url))?.received ?? 0)
      .toBeGreaterThan(atRestart + 20);
  }

  const final = await stopBusySocket(page);
  expect(final.code).toBe(4000);
  await expect.poll(() => panelCounts(panel, url)).toEqual(final);
});

test('a panel closed and reopened shows the full history, also what happened while it was closed', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const urls = (from: number, to: number) =>
    Array.from(
      { length: to - from },
      (_, i) => `${server.ws}/ws/close?after=message&code=${4000 + from + i}`,
    );
  const run = (list: string[]) =>
    Promise.all(list.map((url) => page.evaluate(watchSocket, { url, action: 'send' as const })));

  const panel = await ext.openPanel(tabId);
  const before = await run(urls(0, 30));
  await expect
    .poll(async () => (await exportJson(panel)).sockets.filter((s) => s.state === 'closed').length)
    .toBe(30);
  const shown = await exportJson(panel);
  await panel.close();
  const whileClosed = await run(urls(30, 40));

  const reopened = await ext.openPanel(tabId);
  await expect.poll(async () => (await exportJson(reopened)).sockets.length).toBe(40);
  const log = await exportJson(reopened);
  // Everything the first panel showed, unchanged, then what came while no panel was open.
  expect(log.sockets.slice(0, 30)).toEqual(shown.sockets);
  expect(log.sockets.map((s) => [s.close?.code, s.sent.messages, s.received.messages])).toEqual(
    [...before, ...whileClosed].map((saw) => [saw.code, 1, 0]),
  );
});
