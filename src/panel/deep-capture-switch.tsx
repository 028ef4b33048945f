import { useModel } from './model/model-context';

const KIND_NAMES = { dedicated: 'dedicated', shared: 'shared', service: 'service' } as const;

/** Why worker sockets are missing, where there is no switch: the list is not silently incomplete. */
const NO_WORKER_SOCKETS = {
  'other-build': {
    text: 'Worker sockets: need the deep capture build',
    why: "Sockets that a page's dedicated, shared or service workers open are not listed here, only those of its documents. The deep capture build records them through Chrome's debugger, which Chrome grants only at install: see the README.",
  },
  none: {
    text: 'Worker sockets: not visible in this browser',
    why: "This browser gives extensions no way into a page's workers: sockets that a dedicated, shared or service worker opens are not listed here, only those of the page's documents.",
  },
} as const;

/**
 * The per-tab switch for deep capture (the Chrome build with deep capture): the background
 * attaches to the tab and its workers. Elsewhere, a note in its place says that worker sockets
 * are missing from the list.
 */
export function DeepCaptureSwitch() {
  const model = useModel();
  const deep = model.deepCapture.value;
  if (!model.isLive) return null;
  if (deep.build !== 'switch') {
    const note = NO_WORKER_SOCKETS[deep.build];
    return (
      <span class="muted" data-testid="no-worker-sockets" title={note.why}>
        {note.text}
      </span>
    );
  }
  return (
    <label title="Deep capture: records the sockets of the tab's workers (dedicated, shared, service) and what Chromium hides from extensions (a close frame with a forbidden code), through the debugger. Chrome shows its “started debugging this browser” bar while it is on.">
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
  if (deep.build !== 'switch') return null;
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
