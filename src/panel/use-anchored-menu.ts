import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** Room kept between a menu and the panel's edges. */
const MARGIN = 4;

/**
 * Where a menu opened under `anchor` goes so that it stays inside the panel: under the anchor,
 * moved left as far as it must in a narrow panel (a docked DevTools panel can be 360 px wide).
 */
export function useAnchoredMenu(
  anchor: RefObject<HTMLElement | null>,
  menu: RefObject<HTMLElement | null>,
  open: boolean,
): { left: string; top: string } | undefined {
  const [place, setPlace] = useState<{ left: string; top: string } | undefined>(undefined);
  useLayoutEffect(() => {
    const a = anchor.current?.getBoundingClientRect();
    const width = menu.current?.offsetWidth ?? 0;
    if (!open || !a) return;
    const left = Math.max(MARGIN, Math.min(a.left, window.innerWidth - width - MARGIN));
    setPlace({ left: `${left}px`, top: `${a.bottom + MARGIN}px` });
  }, [anchor, menu, open]);
  return open ? place : undefined;
}
