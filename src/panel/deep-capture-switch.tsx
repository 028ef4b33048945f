import { useModel } from './model/model-context';

const KIND_NAMES = { dedicated: 'dedicated', shared: 'shared', service: 'service' } as const;

/**
 * The per-tab switch for deep capture (Chromium): asks for the `debugger` permission in the
 * user's click, then the background attaches to the tab and its workers. Where the browser has
 * no debugger API for extensions (Firefox), a note in its place says that worker sockets are
 * missing from the list, rather than leaving the list silently incomplete.
 */
export function DeepCaptureSwitch() {
  const model = useModel();
  const deep = model.deepCapture.value;
  if (!model.isLive) return null;
  if (!deep.available)
    return (
      <span
        class="muted"
        data-testid="no-worker-sockets"
        title="This browser gives extensions no way into a page's workers: sockets that a dedicated, shared or service worker opens are not listed here, only those of the page's documents. Chromium can record them with deep capture."
      >
        Worker sockets: not visible in this browser
      </span>
    );
  return (
    <label title="Deep capture: records the sockets of the tab's workers (dedicated, shared, service) and what Chromium hides from extensions (a refused upgrade's HTTP status, a broken close frame), through the debugger. Chrome shows its “started debugging this browser” bar while it is on.">
      <input
        type="checkbox"
        data-testid="deep-capture"
        checked={deep.on || deep.pending}
        disabled={deep.pending}
        onChange={(e) => model.setDeepCapture(e.currentTarget.checked)}
      />{' '}
      Workers
    </label>
  );
}

/** While deep capture is on, what it costs the user to see; when it went off by itself, why. */
export function DeepCaptureBanner() {
  const model = useModel();
  const deep = model.deepCapture.value;
  if (!deep.available) return null;
  if (deep.on) {
    const kinds = (['dedicated', 'shared', 'service'] as const)
      .map((k) => [k, deep.workers.filter((w) => w.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${KIND_NAMES[k]}`);
    return (
      <p class="banner banner-info" role="status" data-testid="deep-capture-on">
        Deep capture is on: the sockets of this tab’s workers, and what Chromium does not tell extensions, are
        recorded through the debugger, so Chrome shows its “started debugging this browser” bar until you turn
        it off. Workers recorded: {kinds.length > 0 ? kinds.join(', ') : 'none yet'}. A shared or service
        worker’s sockets are listed in every tab that has it on.
      </p>
    );
  }
  if (deep.reason === null) return null;
  return (
    <p class="banner banner-error" role="status" data-testid="deep-capture-off">
      {deep.reason}
    </p>
  );
}
