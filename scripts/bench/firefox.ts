import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import { builtExtensionDir } from '../../test/support/built-extension';
import { findFirefox } from '../../test/support/firefox';
import type { FigureSpec, ResultRow } from './bench-entry';
import { receiveFlood, sendBurst } from './page-workloads';
import { compare } from './side-by-side';

const MESSAGES = 100_000;
const COUNT = MESSAGES.toLocaleString('en');
const rate = { kind: 'ratio', target: 0.97 } as const;

interface FirefoxEntry {
  figure: FigureSpec;
  /**
   * The floor: both sides run in the Firefox without the extension, and the "with" side's page
   * adds a bare listener of its own (what any recorder must do per message) in its place.
   */
  floor?: true;
  /** Runs once in a fresh tab; returns the figure's value. `bare`: the page adds the bare listener. */
  measure(page: Page, server: ScenarioServer, bare: boolean): Promise<number>;
}

async function receiveSmall(page: Page, server: ScenarioServer, bare: boolean): Promise<number> {
  const url = `${server.ws}/ws/flood?count=${MESSAGES}&bytes=32`;
  return (MESSAGES * 1000) / (await page.evaluate(receiveFlood, [url, MESSAGES, bare] as const));
}

const ENTRIES: FirefoxEntry[] = [
  {
    figure: { name: `Firefox: receive ${COUNT} text messages of 32 B`, comparison: rate, unit: 'msg/s' },
    measure: receiveSmall,
  },
  {
    figure: {
      name: `Firefox: the same, a bare listener in the page instead of the extension (the floor)`,
      comparison: { kind: 'ratio', target: null },
      unit: 'msg/s',
    },
    floor: true,
    measure: receiveSmall,
  },
  {
    figure: { name: `Firefox: send ${COUNT} text messages of 32 B`, comparison: rate, unit: 'msg/s' },
    measure: async (page, server) =>
      (MESSAGES * 1000) /
      (await page.evaluate(sendBurst, [`${server.ws}/ws/sink?count=${MESSAGES}`, MESSAGES, 32] as const))
        .total,
  },
  {
    figure: { name: 'Firefox: receive 100 binary messages of 1 MiB', comparison: rate, unit: 'MiB/s' },
    measure: async (page, server) =>
      (100 * 1000) /
      (await page.evaluate(receiveFlood, [
        `${server.ws}/ws/flood?count=100&bytes=${1024 * 1024}&binary=1`,
        100,
      ] as const)),
  },
];

/**
 * The page-side throughput ratios in Firefox ESR, with the extension installed and without, the
 * same workloads as in Chromium, paired and alternating the same way. Driven by puppeteer-core over
 * WebDriver BiDi; the workloads time themselves in the page, so the driver is not in the figure.
 */
export async function firefoxRows(
  server: ScenarioServer,
  reps: number,
  progress: (line: string) => void,
): Promise<ResultRow[]> {
  const launch = () =>
    puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
  const withExtension = await launch();
  const without = await launch();
  try {
    await withExtension.installExtension(builtExtensionDir('firefox'));
    const rows: ResultRow[] = [];
    for (const entry of ENTRIES) {
      progress(entry.figure.name);
      const samples = { with: [] as number[], without: [] as number[] };
      for (let rep = 0; rep < reps; rep++) {
        for (const side of rep % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
          const value = await once(
            side === 'with' && !entry.floor ? withExtension : without,
            server,
            entry,
            side === 'with' && entry.floor === true,
          );
          samples[side].push(value);
          progress(`  run ${rep + 1}/${reps} ${side.padEnd(7)} ${value.toFixed(1)}`);
        }
      }
      rows.push(compare(entry.figure, samples.with, samples.without));
    }
    return rows;
  } finally {
    await withExtension.close();
    await without.close();
  }
}

async function once(
  browser: Browser,
  server: ScenarioServer,
  entry: FirefoxEntry,
  bare: boolean,
): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.http}/blank.html`);
    return await entry.measure(page, server, bare);
  } finally {
    await page.close();
  }
}
