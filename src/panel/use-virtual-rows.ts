import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { VirtualItem } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

export interface VirtualRows {
  items: VirtualItem[];
  /** Space above the first and below the last rendered row, so the scrollbar is true. */
  before: number;
  after: number;
  scrollToIndex(index: number): void;
}

/**
 * Fixed-height virtual rows over a scroll container (@tanstack/virtual-core wired to Preact the
 * way its React adapter does it): only the visible rows, plus a few, are ever in the DOM.
 * `offset` is the height of anything in the container above the rows (a sticky table header);
 * `followKey`, a stable key per row, makes the list follow appended rows when scrolled to the end.
 */
export function useVirtualRows(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLElement | null>,
  options: { offset?: number; followKey?: (index: number) => number | string } = {},
): VirtualRows {
  const offset = options.offset ?? 0;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement: () => scrollRef.current,
        estimateSize: () => rowHeight,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(undefined),
        overscan: 12,
        paddingStart: offset,
        scrollPaddingStart: offset,
        // A live log stays pinned to its newest row while the user is at the bottom.
        ...(options.followKey
          ? { anchorTo: 'end' as const, followOnAppend: true, getItemKey: options.followKey }
          : {}),
      }),
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count,
    ...(options.followKey ? { getItemKey: options.followKey } : {}),
  });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  return {
    items,
    before: items.length > 0 ? items[0]!.start - offset : 0,
    after: items.length > 0 ? total - items[items.length - 1]!.end : 0,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
