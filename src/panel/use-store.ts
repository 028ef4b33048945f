import { useEffect, useState } from 'preact/hooks';
import type { LogStore } from '../log/log-store';

/**
 * Re-renders on store changes, at most once per animation frame: a live stream of thousands of
 * messages a second must not mean thousands of renders.
 */
export function useStoreVersion(store: LogStore): number {
  const [version, setVersion] = useState(store.version);
  useEffect(() => {
    let frame: number | null = null;
    const update = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        setVersion(store.version);
      });
    };
    const unsubscribe = store.subscribe(update);
    // Changes between the first render and this effect (an early snapshot) had no listener yet.
    update();
    return () => {
      unsubscribe();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [store]);
  return version;
}

/** The current time, refreshed every second while `ticking` (a socket is still alive). */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}
