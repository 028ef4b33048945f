import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { findChromium } from '../../test/support/chromium';
import { findFirefox } from '../../test/support/firefox';

const versionOf = (binary: string) =>
  execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** What the figures were measured on: they mean little without it. `firefox`: its rows run too. */
export function describeMachine(firefox: boolean): string[] {
  const cpu = cpus();
  const browsers = [versionOf(findChromium()), ...(firefox ? [versionOf(findFirefox())] : [])];
  return [
    `date: ${new Date().toISOString()}`,
    `CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; RAM: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `browsers: ${browsers.join(', ')}; Node ${process.version}`,
    `load average at start: ${loadLine()}`,
  ];
}

export function loadLine(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}
