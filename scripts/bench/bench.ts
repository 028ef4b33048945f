// `npm run bench`: the overhead of the extension on a page, measured side by side in real
// Chromium with the extension and without it, the panel's speed, and the extension's own memory
// under load.
// Flags: --reps N (pairs per ratio, default 15), --only TEXT (the entries whose figures mention
// TEXT), --profile (write the page's CPU profiles to artifacts/ and list the recorder's functions by
// self time), --browser firefox (Firefox ESR's throughput ratios as well).
import { parseArgs } from 'node:util';
import { startScenarioServer } from '../../test/fixtures/scenario-server';
import { launchBare } from './bare-chromium';
import type { BenchEntry, ResultRow } from './bench-entry';
import { EXTENSION_MEMORY } from './extension-memory';
import { describeMachine, loadLine } from './machine';
import { PAGE_ENTRIES } from './page-entries';
import { PANEL_FIRST_PAINT, PANEL_LIVE_LAG } from './panel-timings';
import { firefoxRows } from './firefox';
import { profileRows } from './profile-entries';
import { formatTable } from './report';
import { runSideBySide } from './side-by-side';
import { warmUp } from './warm-up';

/** Every benchmark, in table order. */
const ENTRIES: BenchEntry[] = [...PAGE_ENTRIES, PANEL_FIRST_PAINT, PANEL_LIVE_LAG, EXTENSION_MEMORY];

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '15' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    browser: { type: 'string', default: 'chromium' },
  },
});
const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 1)
  throw new Error(`--reps wants a positive integer, not ${values.reps}`);
const names = (e: BenchEntry) => (e.kind === 'side-by-side' ? e.figures.map((f) => f.name) : [e.name]);
const only = values.only;
const selected = ENTRIES.filter((e) => only === undefined || names(e).some((n) => n.includes(only)));
if (values.browser !== 'chromium' && values.browser !== 'firefox')
  throw new Error(`--browser wants chromium or firefox, not ${values.browser}`);
/** Profiles vary little from run to run: a few suffice. */
const PROFILE_REPS = 5;

const progress = (line: string) => process.stderr.write(`${line}\n`);
const machine = describeMachine(values.browser === 'firefox');
const started = Date.now();
const server = await startScenarioServer();
const withExtension = await launchBare({ extension: true });
const without = await launchBare({ extension: false });
const rows: ResultRow[] = [];
try {
  progress('warming up both browsers');
  await warmUp(withExtension, server);
  await warmUp(without, server);
  if (only === undefined || 'CPU profile'.includes(only) || only === 'profile')
    rows.push(
      ...(await profileRows(
        { withExtension, without },
        server,
        Math.min(reps, PROFILE_REPS),
        progress,
        values.profile ? 'artifacts/bench-profiles' : null,
      )),
    );
  for (const entry of selected) {
    const name = names(entry).join(' / ').trim();
    progress(name);
    // One entry that fails (a panel that changed under it) must not lose every other figure.
    try {
      if (entry.kind === 'side-by-side')
        rows.push(...(await runSideBySide(entry, { withExtension, without }, server, reps, progress)));
      else
        rows.push(
          { figure: entry.name, target: '', median: '', spread: '', runs: null, met: null, detail: '' },
          ...(await entry.measure(withExtension, server)),
        );
    } catch (e) {
      progress(`  failed: ${String(e)}`);
      rows.push({
        figure: name,
        target: '',
        median: '',
        spread: '',
        runs: null,
        met: false,
        detail: `failed: ${String(e)}`,
      });
    }
  }
  if (values.browser === 'firefox') rows.push(...(await firefoxRows(server, reps, progress)));
} finally {
  await withExtension.close();
  await without.close();
  await server.close();
}

console.log(machine.join('\n'));
console.log(`load average at end: ${loadLine()}; took ${Math.round((Date.now() - started) / 1000)} s\n`);
console.log(formatTable(rows));
