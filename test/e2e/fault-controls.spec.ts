import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { closedRow, exportJson, rowOf } from './panel-reader';
import { DROP_FALLBACK_MS } from '../../src/page/fault-injection';

const WebSocket_CLOSED = 3;

/** What the page's own handlers saw of one socket it keeps open until something closes it. */
interface Observed {
  closes: {
    code: number;
    reason: string;
    wasClean: boolean;
    readyState: number;
    isTrusted: boolean;
    at: number;
  }[];
  errors: number;
  opened: boolean;
}

/** Opens an echo socket whose handlers record every close event (onclose and a listener). */
async function openWatched(page: Page | Frame, url: string): Promise<void> {
  await page.evaluate(
    (u) =>
      new Promise<void>((resolve) => {
        const saw: Observed = { closes: [], errors: 0, opened: false };
        (window as unknown as { saw: Observed }).saw = saw;
        const ws = new WebSocket(u);
        ws.onopen = () => {
          saw.opened = true;
          resolve();
        };
        ws.onerror = () => saw.errors++;
        ws.addEventListener('close', (e) =>
          saw.closes.push({
            code: e.code,
            reason: e.reason,
            wasClean: e.wasClean,
            readyState: ws.readyState,
            isTrusted: e.isTrusted,
            at: performance.timeOrigin + performance.now(),
          }),
        );
      }),
    url,
  );
}

const observed = (page: Page | Frame) => page.evaluate(() => (window as unknown as { saw: Observed }).saw);
const badge = (page: Page, tabId: number) =>
  page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

test('"Simulate drop": the page sees 1006, wasClean false, CLOSED, once; the log says the tester did it', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const url = `${server.ws}/ws/echo?drop`;
  await openWatched(page, url);
  const panel = await ext.openPanel(tabId);
  await expect(rowOf(panel, url).locator('[data-col="state"]')).toHaveText('open');
  await rowOf(panel, url).click();
  await panel.getByRole('button', { name: 'Simulate drop' }).click();

  await expect.poll(async () => (await observed(page)).closes.length).toBe(1);
  const saw = await observed(page);
  expect(saw.closes[0]).toMatchObject({
    code: 1006,
    reason: '',
    wasClean: false,
    readyState: WebSocket_CLOSED,
    isTrusted: false,
  });
  expect(saw.errors).toBe(0);

  const row = await closedRow(panel, url);
  expect(row).toMatchObject({
    code: '⚑1006injected',
    clean: 'no',
    initiator: 'tester',
    explanation: 'Injected by the tester: simulated drop',
    tone: 'injected',
  });
  await expect(panel.getByTestId('injected')).toContainText('by the tester: simulated drop');
  await expect(panel.getByTestId('summary')).toHaveText('1 socket · ⚑ 1 injected');

  const log = await exportJson(panel);
  expect(log.sockets[0]).toMatchObject({
    close: {
      code: 1006,
      wasClean: false,
      initiator: 'tester',
      injected: true,
      abnormal: false,
      explanation: 'Injected by the tester: simulated drop',
    },
    injection: { action: 'drop', code: null, reason: null },
  });
  // Delivered when the browser's own close event arrived (the connection really ended), not by the fallback timer.
  const delay = saw.closes[0]!.at - log.sockets[0]!.injection!.at;
  test.info().annotations.push({ type: 'drop delivered after', description: `${delay.toFixed(1)} ms` });
  expect(delay).toBeLessThan(DROP_FALLBACK_MS);
  // The badge counts real faults only.
  expect(await badge(ext.extensionPage, tabId)).toBe('');
});

test('"Close socket" with a chosen code: the page sees that close, clean, as if it had called close()', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const url = `${server.ws}/ws/echo?close`;
  await openWatched(page, url);
  const panel = await ext.openPanel(tabId);
  await rowOf(panel, url).click();

  // Codes close() would refuse are refused here too, before anything is sent.
  await panel.getByLabel('Injected close code').fill('1006');
  await expect(panel.getByRole('alert')).toHaveText(
    'The code must be 1000 or 3000-4999 (what close() accepts).',
  );
  await expect(panel.getByRole('button', { name: 'Close socket' })).toBeDisabled();
  await panel.getByLabel('Injected close code').fill('4321');
  await panel.getByLabel('Injected close reason').fill('é'.repeat(62));
  await expect(panel.getByRole('alert')).toHaveText('The reason must be at most 123 bytes of UTF-8.');
  await panel.getByLabel('Injected close reason').fill('tester says bye, "really"');
  await panel.getByRole('button', { name: 'Close socket' }).click();

  await expect.poll(async () => (await observed(page)).closes.length).toBe(1);
  expect((await observed(page)).closes[0]).toMatchObject({
    code: 4321,
    reason: 'tester says bye, "really"',
    wasClean: true,
    readyState: WebSocket_CLOSED,
    isTrusted: true,
  });

  const row = await closedRow(panel, url);
  expect(row).toMatchObject({ initiator: 'tester', tone: 'injected', reason: 'tester says bye, "really"' });
  expect(row.explanation).toMatch(/^Injected by the tester: close\(4321\)/);
  const log = await exportJson(panel);
  expect(log.sockets[0]).toMatchObject({
    close: { code: 4321, wasClean: true, initiator: 'tester', injected: true, abnormal: false },
    injection: { action: 'close', code: 4321, reason: 'tester says bye, "really"' },
    closeCall: null,
  });
});

test('fault controls reach sockets in iframes and are offered only for open sockets of a live tab', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('frame-parent.html');
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child).toBeDefined();
  const url = `${server.ws}/ws/echo?in-frame`;
  await openWatched(child!, url);
  const panel = await ext.openPanel(tabId);
  await rowOf(panel, url).click();
  await panel.getByRole('button', { name: 'Simulate drop' }).click();
  await expect
    .poll(async () => (await observed(child!)).closes)
    .toEqual([expect.objectContaining({ code: 1006, wasClean: false })]);
  await closedRow(panel, url);
  await expect(panel.getByRole('group', { name: 'Fault controls' })).toHaveCount(0);
});
