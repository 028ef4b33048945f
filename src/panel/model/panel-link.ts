import type { InjectCommand } from '../../protocol/inject-command';
import type { InterceptCommand } from '../../protocol/intercept-command';
import type { InterceptRule } from '../../protocol/intercept-rules';
import type { PanelMessage, PanelRequest } from '../../protocol/runtime-messages';
import { isPanelMessage } from '../../protocol/runtime-messages';
import type { PortLike } from '../../transport/port-like';

/** How the panel's line to the background is doing: shown when it is not fine. */
export type LinkStatus =
  | { state: 'connected' }
  /** The port dropped (the MV3 worker was stopped): a new one is on its way. */
  | { state: 'reconnecting'; since: number }
  /** No port can be opened: the extension was reloaded, updated or removed. */
  | { state: 'failed'; error: string };

export interface PanelLinkDeps {
  tabId: number;
  connect(): PortLike<PanelRequest>;
  onMessage(message: PanelMessage): void;
  onStatus(status: LinkStatus): void;
  setTimeout(fn: () => void, ms: number): unknown;
  now(): number;
}

/** What the panel can ask of the background for its tab. */
export interface PanelLink {
  /** Asks the tab's pages for their whole history again (after a pause). */
  resync(): void;
  setPreserveLog(on: boolean): void;
  clear(): void;
  /** A tester's fault control, for the recorder of the socket's frame. */
  inject(frameId: number, command: InjectCommand): void;
  /** Deep capture on or off (the permission was asked for first). */
  setDeepCapture(on: boolean): void;
  /** The interception rules for every frame of the tab; restated after a reconnect. */
  setInterceptRules(rules: InterceptRule[]): void;
  /** A decision on a held message, for the recorder of its frame. */
  decideHeld(frameId: number, command: InterceptCommand): void;
}

/** After the service worker stops, wait this long before waking it again with a new port. */
export const RECONNECT_DELAY_MS = 200;

/**
 * Keeps the panel subscribed to its tab: when the port drops (the MV3 worker was stopped) it
 * reconnects and subscribes again, restating its "Preserve log", and the background's resync
 * fills any gap from the pages' own histories.
 */
export function linkPanel(deps: PanelLinkDeps): PanelLink {
  const { tabId } = deps;
  let port: PortLike<PanelRequest> | null = null;
  let preserve = false;
  let rules: InterceptRule[] = [];
  const post = (request: PanelRequest) => {
    try {
      port?.postMessage(request);
    } catch {
      // Disconnected before onDisconnect reached us: the reconnect restates what matters.
    }
  };
  const open = (): void => {
    let p: PortLike<PanelRequest>;
    try {
      p = deps.connect();
    } catch (e) {
      deps.onStatus({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    port = p;
    p.onMessage.addListener((m) => {
      if (isPanelMessage(m)) deps.onMessage(m);
    });
    p.onDisconnect.addListener(() => {
      port = null;
      deps.onStatus({ state: 'reconnecting', since: deps.now() });
      deps.setTimeout(open, RECONNECT_DELAY_MS);
    });
    if (preserve) post({ type: 'preserve-log', tabId, on: true });
    if (rules.length > 0) post({ type: 'intercept-rules', tabId, rules });
    post({ type: 'subscribe', tabId });
    deps.onStatus({ state: 'connected' });
  };
  open();
  return {
    resync: () => post({ type: 'subscribe', tabId }),
    setPreserveLog(on) {
      preserve = on;
      post({ type: 'preserve-log', tabId, on });
    },
    clear: () => post({ type: 'clear', tabId }),
    inject: (frameId, command) => post({ type: 'inject', tabId, frameId, command }),
    setDeepCapture: (on) => post({ type: 'deep-capture', tabId, on }),
    setInterceptRules(next) {
      rules = next;
      post({ type: 'intercept-rules', tabId, rules });
    },
    decideHeld: (frameId, command) => post({ type: 'hold-decision', tabId, frameId, command }),
  };
}
