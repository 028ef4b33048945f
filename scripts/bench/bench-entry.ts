import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import type { BareChromium, BarePage } from './bare-chromium';

/**
 * One figure the benchmark prints. Side-by-side entries run the same workload on the same page in
 * Chromium with the extension and without it, alternating, and compare; extension-only entries
 * (memory of the extension's own contexts) run once with the extension and compare to a bound.
 * A new benchmark (the panel's) is one more entry in `ENTRIES`.
 */
export type Comparison =
  /** A rate: with / without, higher is better; met when the median is at least `target` and the
   * 95% interval's lower bound at least `floor` (no target: a figure that explains another). */
  | { kind: 'ratio'; target: number | null; floor?: number }
  /** A quantity: with - without, lower is better; met when the median is at most `target`. */
  | { kind: 'extra'; target: number; unit: string };

export interface FigureSpec {
  name: string;
  comparison: Comparison;
  /** The unit of the measured values, for the absolute medians: "msg/s", "MB"... */
  unit: string;
}

export interface SideBySideEntry {
  kind: 'side-by-side';
  /** Several figures may come from one run of a workload (a rate and the memory after it). */
  figures: FigureSpec[];
  /**
   * Runs the workload once in a fresh tab of the bench server's blank page, in `browser` (with
   * or without the extension: `browser.extensionId` tells): one value a figure.
   */
  measure(page: BarePage, server: ScenarioServer, browser: BareChromium): Promise<number[]>;
}

export interface ExtensionOnlyEntry {
  kind: 'extension-only';
  name: string;
  /** Runs once in the extension's Chromium; returns rows for the table. */
  measure(browser: BareChromium, server: ScenarioServer): Promise<ResultRow[]>;
}

export type BenchEntry = SideBySideEntry | ExtensionOnlyEntry;

export interface ResultRow {
  figure: string;
  target: string;
  median: string;
  spread: string;
  runs: number | null;
  met: boolean | null;
  /** What the ratio is made of, or what a bound was computed from. */
  detail: string;
}
