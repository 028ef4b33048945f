import { readdir, readFile } from 'node:fs/promises';

/**
 * CPU time (ns) the main thread of each renderer of a Chromium has used so far, by pid, from
 * Linux's /proc/<pid>/task/<pid>/schedstat: time on a CPU, not wall time, so a machine busy with
 * other work does not inflate it the way it inflates a sampling profile. Empty where /proc is not.
 */
export async function rendererMainThreadNs(profile: string): Promise<Map<number, number>> {
  const times = new Map<number, number>();
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return times;
  }
  for (const pid of pids) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes(profile)) continue;
      const [onCpu] = (await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8')).split(' ');
      times.set(Number(pid), Number(onCpu));
    } catch {
      // Gone since the listing.
    }
  }
  return times;
}

/** The busiest renderer main thread's CPU time between two readings: the page's, under a workload. */
export function busiestDelta(before: Map<number, number>, after: Map<number, number>): number | null {
  let best: number | null = null;
  for (const [pid, ns] of after) {
    const delta = ns - (before.get(pid) ?? 0);
    if (best === null || delta > best) best = delta;
  }
  return best;
}
