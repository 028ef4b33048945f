import type { PanelMessage, PanelRequest } from '../protocol/runtime-messages';
import { isPanelMessage } from '../protocol/runtime-messages';
import type { PortLike } from '../transport/port-like';

export interface PanelLinkDeps {
  tabId: number;
  connect(): PortLike<PanelRequest>;
  onMessage(message: PanelMessage): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

/** After the service worker stops, wait this long before waking it again with a new port. */
export const RECONNECT_DELAY_MS = 200;

/**
 * Keeps the panel subscribed to its tab: when the port drops (the MV3 worker was stopped) it
 * reconnects and subscribes again, and the background's resync fills any gap from the pages'
 * own histories.
 */
export function linkPanel(deps: PanelLinkDeps): void {
  const open = (): void => {
    const port = deps.connect();
    port.onMessage.addListener((m) => {
      if (isPanelMessage(m)) deps.onMessage(m);
    });
    port.onDisconnect.addListener(() => deps.setTimeout(open, RECONNECT_DELAY_MS));
    port.postMessage({ type: 'subscribe', tabId: deps.tabId });
  };
  open();
}
