import { readCloseLog } from '../../src/automation/close-log';
import {
  PAYLOADS,
  expectExactPreviews,
  expectExactRecording,
  expectUntouched,
  noteSync,
  poisonedSession,
  synced,
} from '../support/poisoned-page';
import { expect, test } from './fixtures';
import { exportJson } from './panel-reader';

test('a page that replaces every built-in after load is recorded exactly, and its replacements never see the recorder', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  await page.evaluate(noteSync);
  const panel = await ext.openPanel(tabId);
  await expect.poll(() => page.evaluate(synced)).toBe(true);

  const url = `${server.ws}/ws/echo`;
  const run = await page.evaluate(poisonedSession, [url, PAYLOADS] as const);
  expectUntouched(run, PAYLOADS);

  await expect.poll(async () => (await exportJson(panel)).sockets.filter((s) => s.close).length).toBe(2);
  expectExactRecording(await exportJson(panel), url, PAYLOADS);
  const log = await readCloseLog(page, { previews: true });
  for (const s of log.sockets) expectExactPreviews(s.messages ?? [], PAYLOADS);
});
