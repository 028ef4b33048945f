import type { InjectCommand } from '../protocol/inject-command';
import type { PanelMessage, PanelRequest } from '../protocol/runtime-messages';
import { isPanelMessage } from '../protocol/runtime-messages';
import type { PortLike } from '../transport/port-like';

export interface PanelLinkDeps {
  tabId: number;
  connect(): PortLike<PanelRequest>;
  onMessage(message: PanelMessage): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

/** What the panel can ask of the background for its tab. */
export interface PanelLink {
  /** Asks the tab's pages for their whole history again (after a pause). */
  resync(): void;
  setPreserveLog(on: boolean): void;
  clear(): void;
  /** A tester's fault control, for the recorder of the socket's frame. */
  inject(frameId: number, command: InjectCommand): void;
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
  const post = (request: PanelRequest) => {
    try {
      port?.postMessage(request);
    } catch {
      // Disconnected: the reconnect restates what matters.
    }
  };
  const open = (): void => {
    const p = deps.connect();
    port = p;
    p.onMessage.addListener((m) => {
      if (isPanelMessage(m)) deps.onMessage(m);
    });
    p.onDisconnect.addListener(() => {
      port = null;
      deps.setTimeout(open, RECONNECT_DELAY_MS);
    });
    if (preserve) post({ type: 'preserve-log', tabId, on: true });
    post({ type: 'subscribe', tabId });
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
  };
}
