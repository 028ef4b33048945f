/** Attempts to one endpoint within this window that make a reconnect storm. */
export const STORM = { attempts: 5, windowMs: 10_000 } as const;

export const STORM_DEFINITION = `at least ${STORM.attempts} connection attempts to one endpoint started within ${STORM.windowMs / 1000} s`;

/** The busiest window of a connection's attempts, against the threshold, with the numbers to check it. */
export interface StormVerdict {
  storm: boolean;
  /** Most attempts that started within any STORM.windowMs. */
  peakAttempts: number;
  /** Creation time of the first attempt of that busiest window. */
  peakFrom: number | null;
  /** "6 attempts within 10 s (threshold: 5 within 10 s)" */
  text: string;
}

/** `times`: the attempts' creation times, in order. */
export function stormVerdict(times: readonly number[]): StormVerdict {
  let peakAttempts = 0;
  let peakFrom: number | null = null;
  for (let start = 0, end = 0; end < times.length; end++) {
    const last = times[end] ?? 0;
    while ((times[start] ?? last) < last - STORM.windowMs) start++;
    if (end - start + 1 > peakAttempts) {
      peakAttempts = end - start + 1;
      peakFrom = times[start] ?? null;
    }
  }
  const seconds = STORM.windowMs / 1000;
  return {
    storm: peakAttempts >= STORM.attempts,
    peakAttempts,
    peakFrom,
    text: `${peakAttempts} ${peakAttempts === 1 ? 'attempt' : 'attempts'} within ${seconds} s (threshold: ${STORM.attempts} within ${seconds} s)`,
  };
}
