import { isAbnormal } from '../close-codes';
import type { DeepCaptureState, WireReport } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import { PROTOCOL_VERSION } from '../protocol/envelope';
import { parsePageMessage } from '../protocol/page-messages';
import type { PanelMessage, PanelRequest } from '../protocol/runtime-messages';
import { isPanelRequest, isRelayMessage } from '../protocol/runtime-messages';
import type { InjectCommand } from '../protocol/inject-command';
import { interceptRulesCommand } from '../protocol/intercept-command';
import type { InterceptCommand } from '../protocol/intercept-command';
import type { InterceptRule } from '../protocol/intercept-rules';
import { compileRules } from '../intercept/rule-set';
import type { PortLike } from '../transport/port-like';
import type { DeepCapture, WorkerRef } from './deep-capture/deep-capture';
import { MAX_REMEMBERED_HANDSHAKES } from './tab-memory';
import type { TabMemory, TabMemoryStore } from './tab-memory';

export interface RouterDeps {
  /**
   * Asks the relays of a tab (every frame, or only `frameId`) to have their recorders send a
   * snapshot; a recorder streams its messages live from then on.
   */
  requestSync(tabId: number, frameId?: number): void;
  /** Hands a tester's fault control to the relay of one frame, for its recorder. */
  inject(tabId: number, frameId: number, command: InjectCommand): void;
  /** Hands an interception command to the relays of a tab (every frame, or only `frameId`). */
  intercept(tabId: number, frameId: number | undefined, command: InterceptCommand): void;
  /**
   * Shows the tab's abnormal-close count on the toolbar icon, and whether interception rules run
   * on the tab.
   */
  setBadge(tabId: number, count: number, intercepting: boolean): void;
  memory: TabMemoryStore;
  now(): number;
  /** Deep capture of workers (Chromium); absent where the browser has no chrome.debugger. */
  deepCapture?: Pick<DeepCapture, 'start' | 'stop' | 'sync' | 'inject' | 'stateOf' | 'isOn'>;
}

/** What Chromium reported while deep capture was on, kept for panels that resubscribe. */
const MAX_WIRE_REPORTS = 200;

type PanelPort = PortLike<PanelMessage>;

interface TabState {
  /** Each subscribed panel, and whether its "Preserve log" is on. */
  panels: Map<PanelPort, boolean>;
  /** Recent successful handshakes (101), for panels subscribing later while the worker lives. */
  accepted: HandshakeReport[];
  rejected: number;
  lastError: string;
  /** Recorders of another protocol version, by `frameId:version`: reported once each. */
  mismatches: Map<string, Extract<PanelMessage, { type: 'recorder-mismatch' }>>;
  /** Documents of worker recorders (deep capture), to reach them with fault controls. */
  workerDocs: Map<string, string>;
  wire: WireReport[];
  /** The interception rules the panels set, for documents that start later (a reload, an iframe). */
  rules: InterceptRule[];
  /** Whether one of `rules` is on and valid: the badge says so. Set with them, compiled once. */
  intercepting: boolean;
}

/**
 * The service worker's routing, free of extension APIs: relays' page data is validated here and
 * forwarded to the panels subscribed to that tab, and abnormal closes are counted for the badge
 * even when no panel is open. What must outlive the worker lives in `memory`; panels resubscribe
 * after a restart and the pages' own histories resync them.
 */
export class Router {
  private readonly tabs = new Map<number, TabState>();

  constructor(private readonly deps: RouterDeps) {}

  fromRelay(tabId: number, frameId: number, message: unknown): void {
    if (!isRelayMessage(message)) return;
    switch (message.type) {
      case 'document-start':
        if (frameId === 0) this.navigated(tabId, message.url);
        // A new document under a watching panel: have it stream live to that panel too.
        if (this.tabs.get(tabId)?.panels.size) this.deps.requestSync(tabId, frameId);
        if (this.tabs.get(tabId)?.rules.length)
          this.deps.intercept(tabId, frameId, interceptRulesCommand(this.tab(tabId).rules));
        return;
      case 'page-rejected':
        this.reject(tabId, message.count, message.error);
        return;
      case 'page-data':
        this.pageData(tabId, frameId, message.data, null);
        return;
    }
  }

  /** A worker recorder's page-channel string (deep capture): validated like a frame's. */
  fromWorker(tabId: number, from: WorkerRef, data: string): void {
    this.pageData(tabId, 0, data, from);
  }

  /** What Chromium's DevTools protocol said about a socket of the tab (deep capture). */
  wireReported(tabId: number, report: WireReport): void {
    const tab = this.tab(tabId);
    tab.wire = [...tab.wire, report].slice(-MAX_WIRE_REPORTS);
    this.broadcast(tabId, { type: 'wire', report });
  }

  deepCaptureChanged(tabId: number, state: DeepCaptureState): void {
    if (!state.on) this.tabs.get(tabId)?.workerDocs.clear();
    this.broadcast(tabId, { type: 'deep-capture', state });
  }

  private pageData(tabId: number, frameId: number, data: string, from: WorkerRef | null): void {
    const parsed = parsePageMessage(data);
    if (!parsed.ok) {
      if (parsed.version === null) this.reject(tabId, 1, parsed.error);
      else this.mismatch(tabId, frameId, parsed.version);
      return;
    }
    const m = parsed.message;
    const worker = from ? { worker: from.worker } : {};
    if (from) this.tab(tabId).workerDocs.set(m.doc, from.key);
    if (m.type === 'events') {
      // A close the tester injected is not a fault of the page: the badge counts real ones only.
      const abnormal = m.events.filter(
        (e) => e.type === 'closed' && isAbnormal({ ...e, injected: e.injected === true }),
      ).length;
      if (abnormal > 0) this.remember(tabId, (t) => ({ ...t, abnormal: t.abnormal + abnormal }));
      this.broadcast(tabId, { type: 'events', frameId, batch: m, ...worker });
    } else {
      this.broadcast(tabId, { type: 'snapshot', frameId, part: m, ...worker });
    }
  }

  /**
   * What webRequest saw of a WebSocket handshake in the tab. Failures are remembered in session
   * storage for panels opened later; a 101, which matters only for a socket that then never saw
   * `open`, is kept in the worker's memory, as a storage write per handshake would cost too much.
   */
  handshakeReported(tabId: number, report: HandshakeReport): void {
    if (report.statusCode === 101) {
      const tab = this.tab(tabId);
      tab.accepted = [...tab.accepted, report].slice(-MAX_REMEMBERED_HANDSHAKES);
    } else {
      void this.deps.memory.update(tabId, (t) => ({
        ...t,
        handshakes: [...t.handshakes, report].slice(-MAX_REMEMBERED_HANDSHAKES),
      }));
    }
    this.broadcast(tabId, { type: 'handshake', report });
  }

  panelConnected(port: PanelPort): void {
    port.onMessage.addListener((m) => {
      if (isPanelRequest(m)) this.fromPanel(port, m);
    });
    port.onDisconnect.addListener(() => {
      for (const [tabId, tab] of this.tabs) {
        if (!tab.panels.delete(port)) continue;
        // Nobody is left to decide on a held message: interception ends, and what is held goes on.
        if (tab.panels.size === 0 && tab.rules.length > 0) {
          this.setRules(tabId, []);
        }
        // DevTools closed: nobody is left to see what the debugger records, nor to turn it off.
        if (tab.panels.size === 0 && this.deps.deepCapture?.isOn(tabId))
          void this.deps.deepCapture.stop(tabId, 'Deep capture went off: DevTools closed.');
        if (
          tab.panels.size === 0 &&
          tab.rejected === 0 &&
          tab.accepted.length === 0 &&
          tab.mismatches.size === 0 &&
          tab.wire.length === 0
        )
          this.tabs.delete(tabId);
      }
    });
  }

  tabClosed(tabId: number): void {
    // A panel still open on the closed tab (standalone) keeps its subscription: it is told why
    // deep capture went off.
    const panels = this.tabs.get(tabId)?.panels;
    this.tabs.delete(tabId);
    if (panels?.size) this.tab(tabId).panels = panels;
    void this.deps.memory.forget(tabId);
  }

  private fromPanel(port: PanelPort, request: PanelRequest): void {
    const tab = this.tab(request.tabId);
    switch (request.type) {
      case 'subscribe':
        tab.panels.set(port, tab.panels.get(port) ?? false);
        if (tab.rejected > 0)
          port.postMessage({ type: 'rejected', count: tab.rejected, lastError: tab.lastError });
        for (const m of tab.mismatches.values()) port.postMessage(m);
        if (this.deps.deepCapture)
          port.postMessage({ type: 'deep-capture', state: this.deps.deepCapture.stateOf(request.tabId) });
        for (const report of tab.wire) port.postMessage({ type: 'wire', report });
        void this.deps.memory.get(request.tabId).then((t) => {
          if (t.url !== null) port.postMessage({ type: 'page', url: t.url });
          for (const report of [...tab.accepted, ...t.handshakes])
            port.postMessage({ type: 'handshake', report });
          this.deps.requestSync(request.tabId);
          this.deps.deepCapture?.sync(request.tabId);
        });
        return;
      case 'preserve-log':
        tab.panels.set(port, request.on);
        return;
      case 'clear':
        this.reset(request.tabId);
        return;
      case 'inject': {
        const worker = tab.workerDocs.get(request.command.doc);
        if (worker === undefined) this.deps.inject(request.tabId, request.frameId, request.command);
        else this.deps.deepCapture?.inject(worker, request.command);
        return;
      }
      case 'intercept-rules':
        this.setRules(request.tabId, request.rules);
        return;
      case 'hold-decision':
        this.deps.intercept(request.tabId, request.frameId, request.command);
        return;
      case 'deep-capture':
        if (!this.deps.deepCapture)
          port.postMessage({
            type: 'deep-capture',
            state: { on: false, workers: [], reason: 'This browser has no debugger API for extensions.' },
          });
        else if (request.on) void this.deps.deepCapture.start(request.tabId);
        else void this.deps.deepCapture.stop(request.tabId);
        return;
    }
  }

  /** "Preserve log" in an open panel keeps the badge count across navigations, as it keeps the list. */
  private navigated(tabId: number, url: string): void {
    const preserve = [...(this.tabs.get(tabId)?.panels.values() ?? [])].some(Boolean);
    // Chromium clears a tab's badge when it navigates, so set it again either way.
    if (preserve) this.remember(tabId, (t) => ({ ...t, url }));
    else this.reset(tabId, url);
    this.broadcast(tabId, { type: 'navigated', url, at: this.deps.now() });
  }

  /**
   * A fresh start for the tab: no abnormal closes, no handshake reports of either kind; the top
   * document is `url` after a navigation, and stays what it was after the panel's Clear.
   */
  private reset(tabId: number, url?: string): void {
    const tab = this.tabs.get(tabId);
    if (tab) {
      tab.accepted = [];
      tab.mismatches.clear();
      tab.wire = [];
    }
    this.remember(tabId, (t) => ({ abnormal: 0, handshakes: [], url: url ?? t.url }));
  }

  private remember(tabId: number, change: (t: TabMemory) => TabMemory): void {
    void this.deps.memory
      .update(tabId, change)
      .then((t) => this.deps.setBadge(tabId, t.abnormal, this.tabs.get(tabId)?.intercepting ?? false));
  }

  /** The tab's rules, for its frames now and its documents to come; the badge says if any runs. */
  private setRules(tabId: number, rules: InterceptRule[]): void {
    const tab = this.tab(tabId);
    const was = tab.intercepting;
    tab.rules = rules;
    tab.intercepting = rules.length > 0 && compileRules(rules).active.length > 0;
    this.deps.intercept(tabId, undefined, interceptRulesCommand(rules));
    if (tab.intercepting !== was)
      void this.deps.memory.get(tabId).then((t) => this.deps.setBadge(tabId, t.abnormal, tab.intercepting));
  }

  private reject(tabId: number, count: number, error: string): void {
    const tab = this.tab(tabId);
    tab.rejected += count;
    tab.lastError = error;
    this.broadcast(tabId, { type: 'rejected', count: tab.rejected, lastError: error });
  }

  private mismatch(tabId: number, frameId: number, recorderVersion: number): void {
    const tab = this.tab(tabId);
    const key = `${frameId}:${recorderVersion}`;
    if (tab.mismatches.has(key)) return;
    const m = {
      type: 'recorder-mismatch',
      frameId,
      recorderVersion,
      expectedVersion: PROTOCOL_VERSION,
    } as const;
    tab.mismatches.set(key, m);
    this.broadcast(tabId, m);
  }

  private broadcast(tabId: number, message: PanelMessage): void {
    const panels = this.tabs.get(tabId)?.panels;
    if (!panels) return;
    for (const port of panels.keys()) {
      try {
        port.postMessage(message);
      } catch {
        panels.delete(port); // closed between its disconnect and now
      }
    }
  }

  private tab(tabId: number): TabState {
    let tab = this.tabs.get(tabId);
    if (!tab)
      this.tabs.set(
        tabId,
        (tab = {
          panels: new Map(),
          accepted: [],
          rejected: 0,
          lastError: '',
          mismatches: new Map(),
          workerDocs: new Map(),
          wire: [],
          rules: [],
          intercepting: false,
        }),
      );
    return tab;
  }
}
