import { useEffect, useState } from 'preact/hooks';
import { useModel } from './model/model-context';

/**
 * The panel's clock: when an imported log was exported, else the current time, read at every
 * render, with a render every second while a socket is alive. Never a time kept from an earlier
 * render: a socket created since would seem to have begun in the future.
 */
export function useNow(): number {
  const model = useModel();
  const log = model.log.value;
  const ticking = log.frozenAt === null && log.stats.alive > 0;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return log.frozenAt ?? Date.now();
}
