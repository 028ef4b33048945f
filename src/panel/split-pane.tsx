import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

interface Props {
  /** 'below': the second pane under the first (a narrow panel); 'beside': to its right (a wide one). */
  orientation: 'below' | 'beside';
  /** Share of the space given to the first pane, 0.15-0.85. */
  ratio: number;
  /** Called once a drag ends (it saves the preference), and for each arrow key. */
  onRatio(ratio: number): void;
  first: ComponentChildren;
  /** Null: the first pane takes all the space (its DOM, focus and scroll position stay). */
  second: ComponentChildren | null;
}

const clamp = (r: number) => Math.min(0.85, Math.max(0.15, r));

/** Two panes and a divider to drag (or move with arrow keys), like DevTools' own splits. */
export function SplitPane({ orientation, ratio, onRatio, first, second }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const shown = dragged ?? ratio;
  const beside = orientation === 'beside';
  const onPointerDown = (e: PointerEvent) => {
    const el = ref.current;
    const handle = e.currentTarget;
    if (!el || !(handle instanceof HTMLElement)) return;
    handle.setPointerCapture(e.pointerId);
    let last: number | null = null;
    const move = (m: PointerEvent) => {
      const box = el.getBoundingClientRect();
      last = clamp(beside ? (m.clientX - box.left) / box.width : (m.clientY - box.top) / box.height);
      setDragged(last);
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      if (last !== null) onRatio(last);
      setDragged(null);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const back = beside ? 'ArrowLeft' : 'ArrowUp';
    const forth = beside ? 'ArrowRight' : 'ArrowDown';
    const step = e.key === back ? -0.05 : e.key === forth ? 0.05 : 0;
    if (step === 0) return;
    e.preventDefault();
    onRatio(clamp(shown + step));
  };
  return (
    <div class={`split split-${orientation}`} ref={ref}>
      <div class="split-first" style={{ flexBasis: second === null ? '100%' : `${shown * 100}%` }}>
        {first}
      </div>
      {second !== null && (
        <div
          class="split-handle"
          role="separator"
          aria-orientation={beside ? 'vertical' : 'horizontal'}
          aria-label="Resize: drag or use the arrow keys"
          aria-valuenow={Math.round(shown * 100)}
          aria-valuemin={15}
          aria-valuemax={85}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        />
      )}
      {second !== null && <div class="split-second">{second}</div>}
    </div>
  );
}
