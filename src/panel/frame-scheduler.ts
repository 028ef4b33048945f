/** The longest a hidden panel waits to catch up with what arrived. */
const HIDDEN_FLUSH_MS = 250;

/**
 * Runs `fn` once, when the panel can next paint: at the next animation frame, so a stream of
 * thousands of messages a second costs one state change per frame. A hidden document (a
 * background tab, a DevTools panel not shown) runs no animation frames: a timer stands in.
 */
export function nextFrame(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(once);
  setTimeout(once, HIDDEN_FLUSH_MS);
}
