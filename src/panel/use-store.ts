import { useEffect, useState } from 'preact/hooks';
import type { LogStore } from '../log/log-store';

/**
 * Re-renders on store changes, at most once per animation frame: a live stream of thousands of
 * messages a second must not mean thousands of renders. A hidden document (a background tab, a
 * DevTools panel not shown) runs no animation frames, so there a timer stands in.
 */
export function useStoreVersion(store: LogStore): number {
  const [version, setVersion] = useState(store.version);
  useEffect(() => {
    let pending: (() => void) | null = null;
    const render = () => {
      pending = null;
      setVersion(store.version);
    };
    const update = () => {
      if (pending) return;
      if (document.hidden) {
        const timer = setTimeout(render, HIDDEN_RENDER_MS);
        pending = () => clearTimeout(timer);
      } else {
        const frame = requestAnimationFrame(render);
        pending = () => cancelAnimationFrame(frame);
      }
    };
    const unsubscribe = store.subscribe(update);
    // Changes between the first render and this effect (an early snapshot) had no listener yet.
    update();
    return () => {
      unsubscribe();
      pending?.();
    };
  }, [store]);
  return version;
}

/** How often a hidden panel catches up with its store. */
const HIDDEN_RENDER_MS = 250;

/**
 * The current time, read at every render, with a render every second while `ticking` (a socket
 * is still alive). Never a time kept from an earlier render: a socket created since would seem
 * to have begun in the future.
 */
export function useNow(ticking: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return Date.now();
}
