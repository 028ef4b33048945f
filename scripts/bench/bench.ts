// `npm run bench`: the overhead of the extension on a page, measured side by side in real
// Chromium with the extension and without it, the panel's speed, and the extension's own memory
// under load.
// Flags: --reps N (default 5), --only TEXT (run the entries whose figures mention TEXT).
import { parseArgs } from 'node:util';
import { startScenarioServer } from '../../test/fixtures/scenario-server';
import { launchBare } from './bare-chromium';
import type { BenchEntry, ResultRow } from './bench-entry';
import { EXTENSION_MEMORY } from './extension-memory';
import { describeMachine, loadLine } from './machine';
import { PAGE_ENTRIES } from './page-entries';
import { PANEL_FIRST_PAINT, PANEL_LIVE_LAG } from './panel-timings';
import { formatTable } from './report';
import { runSideBySide } from './side-by-side';
import { warmUp } from './warm-up';

/** Every benchmark, in table order. */
const ENTRIES: BenchEntry[] = [...PAGE_ENTRIES, PANEL_FIRST_PAINT, PANEL_LIVE_LAG, EXTENSION_MEMORY];

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '5' }, only: { type: 'string' } },
});
const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 1)
  throw new Error(`--reps wants a positive integer, not ${values.reps}`);
const names = (e: BenchEntry) => (e.kind === 'side-by-side' ? e.figures.map((f) => f.name) : [e.name]);
const only = values.only;
const selected = ENTRIES.filter((e) => only === undefined || names(e).some((n) => n.includes(only)));

const progress = (line: string) => process.stderr.write(`${line}\n`);
const machine = describeMachine();
const started = Date.now();
const server = await startScenarioServer();
const withExtension = await launchBare({ extension: true });
const without = await launchBare({ extension: false });
const rows: ResultRow[] = [];
try {
  progress('warming up both browsers');
  await warmUp(withExtension, server);
  await warmUp(without, server);
  for (const entry of selected) {
    progress(names(entry).join(' / ').trim());
    if (entry.kind === 'side-by-side')
      rows.push(...(await runSideBySide(entry, { withExtension, without }, server, reps, progress)));
    else
      rows.push(
        { figure: entry.name, target: '', median: '', spread: '', runs: null, met: null, detail: '' },
        ...(await entry.measure(withExtension, server)),
      );
  }
} finally {
  await withExtension.close();
  await without.close();
  await server.close();
}

console.log(machine.join('\n'));
console.log(`load average at end: ${loadLine()}; took ${Math.round((Date.now() - started) / 1000)} s\n`);
console.log(formatTable(rows));
