import { DEFAULT_HISTORY_LIMITS } from '../../src/page/page-history';
import { DEFAULT_PREVIEW_LIMITS } from '../../src/log/preview-limits';
import { BINARY_PREVIEW_BYTES, TEXT_PREVIEW_CHARS } from '../../src/protocol/envelope';
import type { ExtensionOnlyEntry, ResultRow } from './bench-entry';
import { memoryMB } from './heap';
import { manySockets } from './page-workloads';
import { until } from './until';

const SOCKETS = 1_000;
const PER_SOCKET = 1_000;
const TOTAL = SOCKETS * PER_SOCKET;

/** Sums what the panel's table shows: closed rows and messages received. */
const PANEL_TOTALS = `(() => {
  const rows = [...document.querySelectorAll('tr[data-socket-id]')];
  const closed = rows.filter((r) => r.querySelector('[data-col="state"]').textContent === 'closed').length;
  const received = rows.reduce((n, r) => n + parseInt(r.querySelector('[data-col="received"]').textContent, 10), 0);
  return { closed, received };
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
    const worker = await browser.attach((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    const panel = await browser.openPanel(url);
    const before = { worker: await memoryMB(worker), panel: await memoryMB(panel.cdp), page: await memoryMB(page.cdp) };

    const round = async (n: number) => {
      const received = await page.run(manySockets, [`${server.ws}/ws/flood?count=${PER_SOCKET}&bytes=32`, SOCKETS, PER_SOCKET, 50] as const);
      if (received !== TOTAL) throw new Error(`the page received ${received} messages, not ${TOTAL}`);
      let shown = { closed: 0, received: 0 };
      await until(
        async () => {
          shown = await panel.cdp.evaluate<typeof shown>(PANEL_TOTALS);
          return shown.closed === n * SOCKETS && shown.received === n * TOTAL;
        },
        `the panel never showed it all: ${JSON.stringify(shown)}`,
        120_000,
      );
    };
    await round(1);
    const atCaps = await memoryMB(panel.cdp);
    await round(2);
    const after = { worker: await memoryMB(worker), panel: await memoryMB(panel.cdp), page: await memoryMB(page.cdp) };
    worker.close();
    await panel.close();
    await page.close();

    const row = (figure: string, key: keyof typeof after, target: string, met: boolean | null, detail: string): ResultRow => ({
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
      row('  service worker JS heap', 'worker', 'grows <= 1 MB', after.worker - before.worker <= 1, 'the router keeps no per-socket or per-message state'),
      row(
        '  panel JS heap',
        'panel',
        `no growth at the caps (${total.toLocaleString('en')} previews)`,
        growth <= 5,
        `${atCaps.toFixed(1)} MB after ${TOTAL.toLocaleString('en')} messages, ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after ${TOTAL.toLocaleString('en')} more ` +
          `(caps: ${perSocket.toLocaleString('en')} previews per socket, ${total.toLocaleString('en')} and ${(totalChars / 1e6).toFixed(0)}M characters in all; counts stay exact)`,
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
