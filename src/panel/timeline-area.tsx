import { useRef, useState } from 'preact/hooks';
import { useModel } from './model/model-context';
import { TIMELINE_HEIGHT } from './model/preferences';
import { LANE_HEIGHT, Timeline } from './timeline';

/** The socket list keeps room for its header and five rows, however short the panel is. */
const LIST_MIN_PX = 23 + 5 * 21 + 4;
/** The axis row and its border, above the lanes. */
const AXIS_PX = 19;

/**
 * The timeline above the list, as tall as the user dragged it, but never at the list's expense:
 * in a short panel (DevTools docked at the bottom) it shrinks, then folds away with a note.
 * `available`: the height the timeline and the list share.
 */
export function TimelineArea({ available }: { available: number }) {
  const model = useModel();
  const ref = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  if (!model.prefs.value.showTimeline || model.groups.value.length === 0) return null;
  const room = available - LIST_MIN_PX;
  const wanted = Math.min(dragged ?? model.prefs.value.timelineHeight, room);
  // Too short for both: the list wins, and the Timeline switch says why there is none.
  if (wanted < TIMELINE_HEIGHT.min) return null;
  // No taller than its lanes: two connections left a docked panel 60 px of empty timeline.
  const shown = Math.min(wanted, AXIS_PX + model.groups.value.length * LANE_HEIGHT);
  const clamp = (h: number) =>
    Math.round(Math.max(TIMELINE_HEIGHT.min, Math.min(TIMELINE_HEIGHT.max, room, h)));
  const onPointerDown = (e: PointerEvent) => {
    const handle = e.currentTarget;
    const top = ref.current?.getBoundingClientRect().top;
    if (!(handle instanceof HTMLElement) || top === undefined) return;
    handle.setPointerCapture(e.pointerId);
    let last: number | null = null;
    const move = (m: PointerEvent) => setDragged((last = clamp(m.clientY - top)));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      if (last !== null) model.setPrefs({ timelineHeight: last });
      setDragged(null);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowUp' ? -20 : e.key === 'ArrowDown' ? 20 : 0;
    if (step === 0) return;
    e.preventDefault();
    model.setPrefs({ timelineHeight: clamp(shown + step) });
  };
  return (
    <>
      <div class="timeline-area" style={{ height: `${shown}px` }} ref={ref}>
        <Timeline />
      </div>
      <div
        class="timeline-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Timeline height: drag or use the arrow keys"
        aria-valuenow={shown}
        aria-valuemin={TIMELINE_HEIGHT.min}
        aria-valuemax={TIMELINE_HEIGHT.max}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
    </>
  );
}
