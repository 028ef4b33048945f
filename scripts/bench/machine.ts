import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { findChromium } from '../../test/support/chromium';

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): string[] {
  const cpu = cpus();
  const chromium = execFileSync(findChromium(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return [
    `date: ${new Date().toISOString()}`,
    `CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; RAM: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `browser: ${chromium}; Node ${process.version}`,
    `load average at start: ${loadLine()}`,
  ];
}

export function loadLine(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}
