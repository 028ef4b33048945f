import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import type { BareChromium } from './bare-chromium';
import { receiveFlood, sendBurst } from './page-workloads';

/**
 * A short untimed round of each workload in a fresh browser: the first run after launch is slow
 * (the extension's worker is still starting, nothing is compiled yet), and the first timed run
 * is always the one with the extension.
 */
export async function warmUp(browser: BareChromium, server: ScenarioServer): Promise<void> {
  const page = await browser.open(`${server.http}/blank.html`);
  try {
    await page.run(receiveFlood, [`${server.ws}/ws/flood?count=20000&bytes=32`, 20_000] as const);
    await page.run(sendBurst, [`${server.ws}/ws/sink?count=20000`, 20_000, 32] as const);
    await page.run(receiveFlood, [
      `${server.ws}/ws/flood?count=20&bytes=${1024 * 1024}&binary=1`,
      20,
    ] as const);
  } finally {
    await page.close();
  }
}
