import { expect, test } from './fixtures';

/**
 * Firefox: no debugger API for extensions, and content scripts never run in workers, so a
 * worker's sockets cannot be recorded without changing the worker (README, "Sockets in
 * workers"). Measured here: they are missing from the log, and the panel says so.
 */
test('a worker’s sockets are not listed in Firefox, and the panel says they are not visible', async ({
  open,
  openPanel,
  ff,
}) => {
  const { page, tabId } = await open('deep-capture.html');
  const panel = await openPanel(tabId);
  const note = () =>
    panel.evaluate(() => document.querySelector('[data-testid="no-worker-sockets"]')?.textContent ?? '');
  await expect.poll(note).toBe('Worker sockets: not visible in this browser');

  await page.evaluate(() => {
    window.startDedicated('start');
    window.startShared('go');
  });
  await page.evaluate(() => window.go('shared'));
  const pageCloses = await page.evaluate(() => window.pageSockets());
  // The workers' own CloseEvents: their sockets did open and close.
  await expect.poll(() => page.evaluate(() => window.workerCloses.length)).toBe(6);
  await expect
    .poll(async () => (await ff.exportJson(panel)).sockets.map((s) => s.url).sort())
    .toEqual(pageCloses.map((c) => c.url).sort());
});
