import type { CloseLog } from '../../src/export/close-log-schema';
import { startReplay } from '../../src/automation/replay/replay-server';
import type { RedirectRoutes } from '../../src/automation/replay/redirect-sockets';
import { replayPlan } from '../../src/replay/replay-plan';
import { startLibraryServer } from '../fixtures/libraries/library-server';
import { startSocketIoServer } from '../fixtures/libraries/socket-io-server';
import type { Transcript } from '../fixtures/libraries/transcript';
import type { InitScript, PageDriver } from '../support/driver/driver';
import { expect, test } from './fixtures';

const transcriptOf = (page: PageDriver) =>
  page.evaluate(() => (window as unknown as { transcript: Promise<Transcript> }).transcript, null);

/** The tab's close log with previews, from the panel's export menu. */
async function exported(panel: PageDriver, sockets: number): Promise<CloseLog> {
  await expect.poll(() => panel.count('tr[data-socket-id][data-state="closed"]')).toBe(sockets);
  await panel.click('button[aria-label="More exports"]');
  const file = await panel.download(() =>
    panel.click({ css: '[role="menuitem"]', text: 'JSON close log with message previews' }),
  );
  return JSON.parse(file.text) as CloseLog;
}

test('a recorded socket.io session replays with its server gone: the app says the same, the recorder sees the same codes, counts and order', async ({
  driver,
}) => {
  test.setTimeout(120_000);
  const io = await startSocketIoServer();
  const app = await startLibraryServer(
    new URL('../fixtures/replay/socket-io-app.ts', import.meta.url),
    () => () => {},
  );
  const replays: { stop(): Promise<void> }[] = [];
  try {
    const appUrl = `${app.http}/?io=${encodeURIComponent(io.http)}`;
    const recorded = await driver.open(appUrl);
    const transcript = await transcriptOf(recorded.page);
    expect(transcript).toContain('disconnect transport close code=1006 reason="" clean=false');
    const log = await exported(await driver.openPanel(recorded.tabId), 3);
    await io.close();

    const replay = await startReplay(replayPlan(log).sockets);
    replays.push(replay);
    let initScript: InitScript<RedirectRoutes> | undefined;
    await replay.route({ addInitScript: async (fn, arg) => void (initScript = { fn, arg }) });
    const again = await driver.open(appUrl, initScript ? { initScript } : {});
    expect(await transcriptOf(again.page)).toEqual(transcript);
    await replay.finished();
    expect(replay.differences(await exported(await driver.openPanel(again.tabId), 3))).toEqual([]);
    expect(replay.extra).toBe(0);
  } finally {
    for (const r of replays) await r.stop();
    await io.close().catch(() => {});
    await app.close();
  }
});
