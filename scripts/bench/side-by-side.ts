import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import type { BareChromium } from './bare-chromium';
import type { FigureSpec, ResultRow, SideBySideEntry } from './bench-entry';
import { medianInterval, spread } from './stats';

/**
 * Runs an entry `reps` times in each browser, alternating which goes first, each time in a fresh
 * tab of the same page against the same server; compares run i with the extension to run i
 * without it, so a slow moment of a shared machine hits both sides of one comparison.
 */
export async function runSideBySide(
  entry: SideBySideEntry,
  browsers: { withExtension: BareChromium; without: BareChromium },
  server: ScenarioServer,
  reps: number,
  progress: (line: string) => void,
): Promise<ResultRow[]> {
  const samples = entry.figures.map((figure) => ({ figure, with: [] as number[], without: [] as number[] }));
  for (let rep = 0; rep < reps; rep++) {
    for (const side of rep % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
      const browser = side === 'with' ? browsers.withExtension : browsers.without;
      const page = await browser.open(`${server.http}/blank.html`);
      try {
        const values = await entry.measure(page, server, browser);
        values.forEach((v, i) => samples[i]?.[side].push(v));
        progress(`  run ${rep + 1}/${reps} ${side.padEnd(7)} ${values.map((v) => v.toFixed(1)).join(', ')}`);
      } finally {
        await page.close();
      }
    }
  }
  return samples.map((s) => compare(s.figure, s.with, s.without));
}

/** One figure's row from its paired samples: the median, its 95% interval, the range. */
export function compare(figure: FigureSpec, withExt: number[], without: number[]): ResultRow {
  const c = figure.comparison;
  const paired = withExt.flatMap((w, i) => {
    const wo = without[i];
    if (wo === undefined) return [];
    return [c.kind === 'ratio' ? w / wo : w - wo];
  });
  const s = spread(paired);
  const [lo, hi] = medianInterval(paired);
  const fmt = (n: number) =>
    c.kind === 'ratio' ? n.toFixed(3) : `${n >= 0 ? '+' : ''}${n.toFixed(2)} ${c.unit}`;
  const abs = (values: number[]) => {
    const m = spread(values).median;
    return m >= 100 ? Math.round(m).toLocaleString('en') : m.toFixed(2);
  };
  return {
    figure: figure.name,
    target:
      c.kind === 'extra'
        ? `with - without <= ${c.target} ${c.unit}`
        : c.target === null
          ? '(explains the row above)'
          : `with/without >= ${c.target}${c.floor === undefined ? '' : ` (95% CI from ${c.floor})`}`,
    median: fmt(s.median),
    spread: `95% CI ${fmt(lo)} .. ${fmt(hi)}; runs ${fmt(s.min)} .. ${fmt(s.max)}`,
    runs: paired.length,
    met:
      c.kind === 'extra'
        ? s.median <= c.target
        : c.target === null
          ? null
          : s.median >= c.target && (c.floor === undefined || lo >= c.floor),
    detail: `medians: without ${abs(without)} ${figure.unit}, with ${abs(withExt)} ${figure.unit}`,
  };
}
