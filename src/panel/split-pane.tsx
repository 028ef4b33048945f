import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

interface Props {
  /** Share of the height given to the top pane, 0.15-0.85. */
  ratio: number;
  /** Called once a drag ends (it saves the preference), and for each arrow key. */
  onRatio(ratio: number): void;
  top: ComponentChildren;
  /** Null: the top pane takes all the space (its DOM, focus and scroll position stay). */
  bottom: ComponentChildren | null;
}

const clamp = (r: number) => Math.min(0.85, Math.max(0.15, r));

/** Two panes and a divider to drag (or move with arrow keys), like DevTools' own splits. */
export function SplitPane({ ratio, onRatio, top, bottom }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const shown = dragged ?? ratio;
  const onPointerDown = (e: PointerEvent) => {
    const el = ref.current;
    if (!el) return;
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    let last: number | null = null;
    const move = (m: PointerEvent) => {
      const box = el.getBoundingClientRect();
      setDragged((last = clamp((m.clientY - box.top) / box.height)));
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
    const step = e.key === 'ArrowUp' ? -0.05 : e.key === 'ArrowDown' ? 0.05 : 0;
    if (step === 0) return;
    e.preventDefault();
    onRatio(clamp(shown + step));
  };
  return (
    <div class="split" ref={ref}>
      <div class="split-top" style={{ flexBasis: bottom === null ? '100%' : `${shown * 100}%` }}>
        {top}
      </div>
      {bottom !== null && (
        <div
          class="split-handle"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize: drag or use the arrow keys"
          aria-valuenow={Math.round(shown * 100)}
          aria-valuemin={15}
          aria-valuemax={85}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        />
      )}
      {bottom !== null && <div class="split-bottom">{bottom}</div>}
    </div>
  );
}
