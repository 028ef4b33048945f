import { parsePageMessage } from '../protocol/page-messages';
import type { PageMessage } from '../protocol/page-messages';
import type { PanelMessage, PanelRequest } from '../protocol/runtime-messages';
import { isPanelRequest, isRelayMessage } from '../protocol/runtime-messages';
import type { PortLike } from '../transport/port-like';

export interface RouterDeps {
  /**
   * Asks the relays of a tab (every frame, or only `frameId`) to have their recorders send a
   * snapshot; a recorder streams its messages live from then on.
   */
  requestSync(tabId: number, frameId?: number): void;
  /** Every validated page message, also when no panel listens (the badge counts closes). */
  onPageMessage?(tabId: number, message: PageMessage): void;
  /** A new top-level document in the tab. */
  onNavigated?(tabId: number): void;
}

type PanelPort = PortLike<PanelMessage>;

interface TabState {
  panels: Set<PanelPort>;
  rejected: number;
  lastError: string;
}

/**
 * The service worker's routing, free of extension APIs: relays' page data is validated here and
 * forwarded to the panels subscribed to that tab. It holds nothing that must outlive the worker;
 * after a restart, panels resubscribe and the pages' own histories resync them.
 */
export class Router {
  private readonly tabs = new Map<number, TabState>();

  constructor(private readonly deps: RouterDeps) {}

  fromRelay(tabId: number, frameId: number, message: unknown): void {
    if (!isRelayMessage(message)) return;
    switch (message.type) {
      case 'document-start':
        if (frameId === 0) {
          this.deps.onNavigated?.(tabId);
          this.broadcast(tabId, { type: 'navigated', url: message.url });
        }
        // A new document under a watching panel: have it stream live to that panel too.
        if (this.tabs.get(tabId)?.panels.size) this.deps.requestSync(tabId, frameId);
        return;
      case 'page-rejected':
        this.reject(tabId, message.count, message.error);
        return;
      case 'page-data': {
        const parsed = parsePageMessage(message.data);
        if (!parsed.ok) {
          this.reject(tabId, 1, parsed.error);
          return;
        }
        const m = parsed.message;
        this.deps.onPageMessage?.(tabId, m);
        this.broadcast(
          tabId,
          m.type === 'events' ? { type: 'events', frameId, batch: m } : { type: 'snapshot', frameId, part: m },
        );
        return;
      }
    }
  }

  panelConnected(port: PanelPort): void {
    port.onMessage.addListener((m) => {
      if (isPanelRequest(m)) this.subscribe(port, m);
    });
    port.onDisconnect.addListener(() => {
      for (const [tabId, tab] of this.tabs) {
        tab.panels.delete(port);
        if (tab.panels.size === 0 && tab.rejected === 0) this.tabs.delete(tabId);
      }
    });
  }

  tabClosed(tabId: number): void {
    this.tabs.delete(tabId);
  }

  private subscribe(port: PanelPort, request: PanelRequest): void {
    const tab = this.tab(request.tabId);
    tab.panels.add(port);
    if (tab.rejected > 0) port.postMessage({ type: 'rejected', count: tab.rejected, lastError: tab.lastError });
    this.deps.requestSync(request.tabId);
  }

  private reject(tabId: number, count: number, error: string): void {
    const tab = this.tab(tabId);
    tab.rejected += count;
    tab.lastError = error;
    this.broadcast(tabId, { type: 'rejected', count: tab.rejected, lastError: error });
  }

  private broadcast(tabId: number, message: PanelMessage): void {
    const panels = this.tabs.get(tabId)?.panels;
    if (!panels) return;
    for (const port of panels) {
      try {
        port.postMessage(message);
      } catch {
        panels.delete(port); // closed between its disconnect and now
      }
    }
  }

  private tab(tabId: number): TabState {
    let tab = this.tabs.get(tabId);
    if (!tab) this.tabs.set(tabId, (tab = { panels: new Set(), rejected: 0, lastError: '' }));
    return tab;
  }
}
