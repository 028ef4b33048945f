import { mkdir, writeFile } from 'node:fs/promises';
import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import type { BareChromium, BarePage } from './bare-chromium';
import type { ResultRow } from './bench-entry';
import { profilePage } from './cpu-profile';
import type { ProfileFigures } from './cpu-profile';
import { receiveFlood, sendBurst } from './page-workloads';
import { spread } from './stats';
import { busiestDelta, rendererMainThreadNs } from './thread-time';

const MESSAGES = 50_000;

interface Workload {
  name: string;
  /** The extension's main-thread µs per message this may add. */
  target: number;
  run(page: BarePage, server: ScenarioServer): Promise<unknown>;
  /**
   * The same workload with no extension and the least a recorder must do added by the page
   * itself (a listener named `bareListenerFrame`): the floor the extension's figure is read against.
   */
  bare?: (page: BarePage, server: ScenarioServer) => Promise<unknown>;
}

const WORKLOADS: Workload[] = [
  {
    name: 'receive',
    target: 1,
    run: (page, server) =>
      page.run(receiveFlood, [`${server.ws}/ws/flood?count=${MESSAGES}&bytes=32`, MESSAGES] as const),
    bare: (page, server) =>
      page.run(receiveFlood, [`${server.ws}/ws/flood?count=${MESSAGES}&bytes=32`, MESSAGES, true] as const),
  },
  {
    name: 'send',
    target: 1.5,
    run: (page, server) =>
      page.run(sendBurst, [`${server.ws}/ws/sink?count=${MESSAGES}`, MESSAGES, 32] as const),
  },
];

/**
 * What noise hardly moves: a CPU profile of the page (50 µs sampling) under 50,000 small messages,
 * the extension's own µs per message (samples whose stack holds one of its frames) beside the
 * page's busy µs per message, with the extension and without. `profileDir` set: the last profile
 * of each workload is written there, and the recorder's functions are listed by self time.
 */
export async function profileRows(
  browsers: { withExtension: BareChromium; without: BareChromium },
  server: ScenarioServer,
  reps: number,
  progress: (line: string) => void,
  profileDir: string | null,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [
    {
      figure: `CPU profile of the page, ${MESSAGES.toLocaleString('en')} messages of 32 B (µs of main thread per message)`,
      target: '',
      median: '',
      spread: '',
      runs: null,
      met: null,
      detail: '',
    },
  ];
  for (const w of WORKLOADS) {
    const ext: ProfileFigures[] = [];
    const bare: number[] = [];
    const busyWithout: number[] = [];
    const cpu = { with: [] as number[], without: [] as number[], bare: [] as number[] };
    const sides = w.bare ? (['with', 'without', 'bare'] as const) : (['with', 'without'] as const);
    for (let rep = 0; rep < reps; rep++) {
      for (const side of sides) {
        const browser = side === 'with' ? browsers.withExtension : browsers.without;
        const page = await browser.open(`${server.http}/blank.html`);
        try {
          const before = await rendererMainThreadNs(browser.profile);
          const bareRun = side === 'bare' ? w.bare : undefined;
          const figures = bareRun
            ? await profilePage(
                page.cdp,
                MESSAGES,
                () => bareRun(page, server),
                (frame) => frame.functionName === 'bareListenerFrame',
              )
            : await profilePage(page.cdp, MESSAGES, () => w.run(page, server));
          const ns = busiestDelta(before, await rendererMainThreadNs(browser.profile));
          if (ns !== null) cpu[side].push(ns / 1000 / MESSAGES);
          if (side === 'with') ext.push(figures);
          else if (side === 'bare') bare.push(figures.extensionUs);
          else busyWithout.push(figures.busyUs);
          progress(
            `  ${w.name} profile ${rep + 1}/${reps} ${side}: ${side === 'bare' ? 'bare listener' : 'extension'} ${figures.extensionUs.toFixed(2)} µs, ` +
              `busy ${figures.busyUs.toFixed(2)} µs, main-thread CPU ${ns === null ? 'n/a' : (ns / 1000 / MESSAGES).toFixed(2)} µs`,
          );
        } finally {
          await page.close();
        }
      }
    }
    const e = spread(ext.map((f) => f.extensionUs));
    const busy = spread(ext.map((f) => f.busyUs));
    rows.push({
      figure: `  ${w.name}: the extension's frames`,
      target: `<= ${w.target} µs`,
      median: `${e.median.toFixed(2)} µs`,
      spread: `runs ${e.min.toFixed(2)} .. ${e.max.toFixed(2)}`,
      runs: ext.length,
      met: e.median <= w.target,
      detail: `page busy: with ${busy.median.toFixed(2)} µs, without ${spread(busyWithout).median.toFixed(2)} µs a message`,
    });
    if (cpu.with.length > 0 && cpu.without.length > 0) {
      const withCpu = spread(cpu.with).median;
      const withoutCpu = spread(cpu.without).median;
      rows.push({
        figure: `  ${w.name}: main-thread CPU time added (Linux schedstat, with - without)`,
        target: `<= ${w.target} µs`,
        median: `${(withCpu - withoutCpu).toFixed(2)} µs`,
        spread: `with ${spread(cpu.with).min.toFixed(2)} .. ${spread(cpu.with).max.toFixed(2)}, without ${spread(cpu.without).min.toFixed(2)} .. ${spread(cpu.without).max.toFixed(2)}`,
        runs: cpu.with.length,
        met: withCpu - withoutCpu <= w.target,
        detail: `medians: with ${withCpu.toFixed(2)} µs, without ${withoutCpu.toFixed(2)} µs of the page's main thread a message (CPU time, not wall time)`,
      });
    }
    if (bare.length > 0) {
      const b = spread(bare);
      // Paired by repetition: a busy moment of the machine moves both sides of a pair.
      const above = spread(bare.map((us, i) => (ext[i]?.extensionUs ?? us) - us));
      rows.push({
        figure: `  ${w.name}: a bare listener's frames, no extension (the floor)`,
        target: '',
        median: `${b.median.toFixed(2)} µs`,
        spread: `runs ${b.min.toFixed(2)} .. ${b.max.toFixed(2)}`,
        runs: bare.length,
        met: null,
        detail:
          'the page itself listens before its own listener and reads isTrusted, Date.now() and data, keeping nothing: ' +
          `the least any recorder on the socket pays. The extension's frames less this, run by run: ` +
          `median ${above.median.toFixed(2)} µs (${above.min.toFixed(2)} .. ${above.max.toFixed(2)}), what recording adds`,
      });
    }
    if (cpu.bare.length > 0 && cpu.without.length > 0) {
      const added = spread(cpu.bare).median - spread(cpu.without).median;
      rows.push({
        figure: `  ${w.name}: main-thread CPU time a bare listener adds (Linux schedstat)`,
        target: '',
        median: `${added.toFixed(2)} µs`,
        spread: `bare ${spread(cpu.bare).min.toFixed(2)} .. ${spread(cpu.bare).max.toFixed(2)}`,
        runs: cpu.bare.length,
        met: null,
        detail:
          'as for the extension above, with the bare listener in its place: bare - without, no extension in either',
      });
    }
    const last = ext.at(-1);
    if (profileDir && last) {
      await mkdir(profileDir, { recursive: true });
      const file = `${profileDir}/${w.name}.cpuprofile`;
      await writeFile(file, JSON.stringify(last.profile));
      progress(
        `\n${w.name}: ${file} (open it in DevTools' Performance panel); the extension's functions by self time:`,
      );
      for (const f of last.functions.slice(0, 20)) progress(`  ${f.selfUs.toFixed(3)} µs/msg  ${f.where}`);
    }
  }
  return rows;
}
