import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

type MenuPlace = { left: string; top: string; maxHeight: string };

/** Room kept between a menu and the panel's edges. */
const MARGIN = 4;

/**
 * Where a menu opened under `anchor` goes so that it stays inside the panel: under the anchor,
 * moved left as far as it must in a narrow panel (a docked DevTools panel can be 360 px wide),
 * and no taller than the room below it, scrolling in a short one (docked at the bottom, 220 px).
 */
export function useAnchoredMenu(
  anchor: RefObject<HTMLElement | null>,
  menu: RefObject<HTMLElement | null>,
  open: boolean,
): MenuPlace | undefined {
  const [place, setPlace] = useState<MenuPlace | undefined>(undefined);
  useLayoutEffect(() => {
    const a = anchor.current?.getBoundingClientRect();
    const width = menu.current?.offsetWidth ?? 0;
    if (!open || !a) return;
    const left = Math.max(MARGIN, Math.min(a.left, window.innerWidth - width - MARGIN));
    const top = a.bottom + MARGIN;
    setPlace({ left: `${left}px`, top: `${top}px`, maxHeight: `${window.innerHeight - top - MARGIN}px` });
  }, [anchor, menu, open]);
  return open ? place : undefined;
}
