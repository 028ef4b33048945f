import { DEFAULT_HISTORY_LIMITS } from '../../src/page/page-history';
import { DEFAULT_PREVIEW_LIMITS } from '../../src/log/preview-limits';
import { BINARY_PREVIEW_BYTES, TEXT_PREVIEW_CHARS } from '../../src/protocol/envelope';
import type { ExtensionOnlyEntry, ResultRow } from './bench-entry';
import { memoryMB } from './heap';
import { manySockets } from './page-workloads';
import { until } from '../../test/support/until';

const SOCKETS = 1_000;
const PER_SOCKET = 1_000;
const TOTAL = SOCKETS * PER_SOCKET;

/**
 * What the panel shows: its summary's socket and abnormal counts (the flood's sockets all end
 * as 1006: its server drops TCP once the page closes), and the received counts of the rows in
 * view (the list is virtualised). A socket's close comes after all its messages, so a panel
 * that lists every socket closed has applied every message.
 */
const PANEL_TOTALS = `(() => {
  const [sockets, abnormal] = (document.querySelector('[data-testid="summary"]').textContent.match(/\\d+/g) ?? []).map(Number);
  const received = [...document.querySelectorAll('tr[data-socket-id] [data-col="received"]')].map((c) => parseInt(c.textContent, 10));
  return { sockets: sockets ?? 0, abnormal: abnormal ?? 0, inView: received.length, fullInView: received.every((n) => n === ${PER_SOCKET}) };
})()`;

/**
 * The extension's own memory once a page has had 1,000 sockets and 1,000,000 messages, with the
 * panel open on it all along: the service worker, the panel and the page's history, each after
 * a full GC, against what the documented caps allow. The panel's caps are shown to bound it by a
 * second round of as many sockets and messages: memory held at the caps must not grow with it.
 */
export const EXTENSION_MEMORY: ExtensionOnlyEntry = {
  kind: 'extension-only',
  name: `extension memory after ${SOCKETS.toLocaleString('en')} sockets and ${TOTAL.toLocaleString('en')} messages (twice, for the panel)`,
  async measure(browser, server) {
    const url = `${server.http}/blank.html?memory`;
    const page = await browser.open(url);
    const worker = await browser.attach(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    const panel = await browser.openPanel(url);
    const before = {
      worker: await memoryMB(worker),
      panel: await memoryMB(panel.cdp),
      page: await memoryMB(page.cdp),
    };

    const round = async (n: number) => {
      const received = await page.run(manySockets, [
        `${server.ws}/ws/flood?count=${PER_SOCKET}&bytes=32`,
        SOCKETS,
        PER_SOCKET,
        50,
      ] as const);
      if (received !== TOTAL) throw new Error(`the page received ${received} messages, not ${TOTAL}`);
      let shown = { sockets: 0, abnormal: 0, inView: 0, fullInView: false };
      await until(
        async () => {
          shown = await panel.cdp.evaluate<typeof shown>(PANEL_TOTALS);
          return (
            shown.sockets === n * SOCKETS &&
            shown.abnormal === n * SOCKETS &&
            shown.inView > 0 &&
            shown.fullInView
          );
        },
        `the panel never showed it all: ${JSON.stringify(shown)}`,
        120_000,
      );
    };
    await round(1);
    const atCaps = await memoryMB(panel.cdp);
    await round(2);
    const after = {
      worker: await memoryMB(worker),
      panel: await memoryMB(panel.cdp),
      page: await memoryMB(page.cdp),
    };
    worker.close();
    await panel.close();
    await page.close();

    const row = (
      figure: string,
      key: keyof typeof after,
      target: string,
      met: boolean | null,
      detail: string,
    ): ResultRow => ({
      figure,
      target,
      median: `${after[key].toFixed(1)} MB`,
      spread: `before: ${before[key].toFixed(1)} MB`,
      runs: 1,
      met,
      detail,
    });
    const { perSocket, total, totalChars } = DEFAULT_PREVIEW_LIMITS;
    const growth = after.panel - atCaps;
    return [
      row(
        '  service worker JS heap',
        'worker',
        'grows <= 1 MB',
        after.worker - before.worker <= 1,
        'the router keeps no per-socket or per-message state',
      ),
      row(
        '  panel JS heap',
        'panel',
        'second million <= +5 MB',
        growth <= 5,
        `${atCaps.toFixed(1)} MB after ${TOTAL.toLocaleString('en')} messages, ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after ${TOTAL.toLocaleString('en')} more: ` +
          `previews stay at the caps (${perSocket.toLocaleString('en')} per socket, ${total.toLocaleString('en')} and ${(totalChars / 1e6).toFixed(0)}M characters in all); ` +
          `what grows is the ${SOCKETS.toLocaleString('en')} new sockets' records, which are never dropped`,
      ),
      row(
        '  page JS heap (history)',
        'page',
        'grows <= 5 MB',
        after.page - before.page <= 5,
        `keeps <= ${DEFAULT_HISTORY_LIMITS.maxSockets.toLocaleString('en')} socket summaries and the last ${DEFAULT_HISTORY_LIMITS.maxMessages.toLocaleString('en')} previews (<= ${TEXT_PREVIEW_CHARS} chars / ${BINARY_PREVIEW_BYTES} B each)`,
      ),
    ];
  },
};
