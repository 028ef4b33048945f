import type { SideBySideEntry } from './bench-entry';
import { memoryMB } from './heap';
import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import type { BareChromium, BarePage } from './bare-chromium';
import { echoOnce, receiveFlood, sendBurst } from './page-workloads';
import { until } from '../../test/support/until';

/** Short runs, many of them (--reps): a median with a confidence interval, not one lucky run. */
const MESSAGES = 100_000;
const COUNT = MESSAGES.toLocaleString('en');
const BINARY = 100;
const SMALL = 32;
const MiB = 1024 * 1024;
const rate = { kind: 'ratio', target: 0.97 } as const;
const receiveRate = { kind: 'ratio', target: 0.97, floor: 0.94 } as const;
const fiveMB = { kind: 'extra', target: 5, unit: 'MB' } as const;

/**
 * Opens the panel on the page's tab and waits until it shows the message of a first socket: the
 * page has then been asked to sync, and streams every message to the panel from there on.
 */
async function watchedByPanel(
  page: BarePage,
  server: ScenarioServer,
  browser: BareChromium,
): Promise<BarePage> {
  const panel = await browser.openPanel(`${server.http}/blank.html`);
  await page.run(echoOnce, `${server.ws}/ws/echo`);
  const shown = `[...document.querySelectorAll('[data-col="received"]')].some((cell) => cell.textContent.startsWith('1 /'))`;
  await until(() => panel.cdp.evaluate<boolean>(shown), "the panel never showed the page's first message");
  return panel;
}

/** The page-side figures of issue #6, each measured with and without the extension. */
export const PAGE_ENTRIES: SideBySideEntry[] = [
  {
    kind: 'side-by-side',
    figures: [
      { name: `receive ${COUNT} text messages of ${SMALL} B`, comparison: receiveRate, unit: 'msg/s' },
    ],
    measure: async (page, server) => [
      (MESSAGES * 1000) /
        (await page.run(receiveFlood, [
          `${server.ws}/ws/flood?count=${MESSAGES}&bytes=${SMALL}`,
          MESSAGES,
        ] as const)),
    ],
  },
  {
    kind: 'side-by-side',
    // DevTools open on the tab: every message is now also streamed to the panel.
    figures: [
      {
        name: `receive ${COUNT} text messages of ${SMALL} B, the panel open on the tab`,
        comparison: { kind: 'ratio', target: 0.95 },
        unit: 'msg/s',
      },
    ],
    async measure(page, server, browser) {
      const panel = browser.extensionId ? await watchedByPanel(page, server, browser) : null;
      try {
        return [
          (MESSAGES * 1000) /
            (await page.run(receiveFlood, [
              `${server.ws}/ws/flood?count=${MESSAGES}&bytes=${SMALL}`,
              MESSAGES,
            ] as const)),
        ];
      } finally {
        await panel?.close();
      }
    },
  },
  {
    kind: 'side-by-side',
    figures: [
      {
        name: `send ${COUNT} text messages of ${SMALL} B, until the server has them all`,
        comparison: rate,
        unit: 'msg/s',
      },
      // The recorder's own cost is paid inside send(): this isolates it from the network's.
      {
        name: `  of which the page's send() loop alone`,
        comparison: { kind: 'ratio', target: 0.85 },
        unit: 'msg/s',
      },
    ],
    async measure(page, server) {
      const { total, loop } = await page.run(sendBurst, [
        `${server.ws}/ws/sink?count=${MESSAGES}`,
        MESSAGES,
        SMALL,
      ] as const);
      return [(MESSAGES * 1000) / total, (MESSAGES * 1000) / loop];
    },
  },
  {
    kind: 'side-by-side',
    figures: [
      { name: `receive ${BINARY} binary messages of 1 MiB`, comparison: rate, unit: 'MiB/s' },
      // A recorder that kept (or copied and kept) payloads would show ~100 MB here.
      { name: '  page memory after them (JS heap + ArrayBuffers)', comparison: fiveMB, unit: 'MB' },
    ],
    async measure(page, server) {
      const ms = await page.run(receiveFlood, [
        `${server.ws}/ws/flood?count=${BINARY}&bytes=${MiB}&binary=1`,
        BINARY,
      ] as const);
      return [(BINARY * 1000) / ms, await memoryMB(page.cdp, true)];
    },
  },
  {
    kind: 'side-by-side',
    // 1 KiB messages fill every retained preview to its cap: the worst case for what is kept.
    figures: [
      {
        name: `page JS heap after ${COUNT} messages of 1 KiB (half each way)`,
        comparison: fiveMB,
        unit: 'MB',
      },
    ],
    async measure(page, server) {
      const half = MESSAGES / 2;
      await page.run(receiveFlood, [`${server.ws}/ws/flood?count=${half}&bytes=1024`, half] as const);
      await page.run(sendBurst, [`${server.ws}/ws/sink?count=${half}`, half, 1024] as const);
      return [await memoryMB(page.cdp)];
    },
  },
];
