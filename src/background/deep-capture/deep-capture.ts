import type { DeepCaptureState, WireReport, WorkerInfo } from '../../protocol/deep-capture';
import { WORKER_BINDING, WORKER_RECEIVER } from '../../protocol/envelope';
import type { InjectCommand } from '../../protocol/inject-command';
import { SYNC_REQUEST } from '../../protocol/sync-request';
import type { CdpPort, CdpSession, CdpTargetInfo } from './cdp-port';
import { WireTracker } from './wire-tracker';
import { detachReasonText, originOf, workerKindOf } from './worker-target';

/** A recorder in a worker, as the router knows it: `key` reaches it again (fault controls). */
export interface WorkerRef {
  key: string;
  worker: WorkerInfo;
}

export interface DeepCaptureDeps {
  cdp: CdpPort;
  /** The worker recorder's source (dist/chrome/worker-recorder.js). */
  recorder(): Promise<string>;
  /** A page-channel string from a worker's recorder, for a tab that has deep capture on. */
  pageData(tabId: number, from: WorkerRef, data: string): void;
  wire(tabId: number, report: WireReport): void;
  state(tabId: number, state: DeepCaptureState): void;
  /** The tabs that have it on, for storage that outlives the service worker. */
  persist(tabIds: readonly number[]): void;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(fn: () => void, ms: number): () => void;
  now(): number;
}

interface Session {
  key: string;
  target: CdpSession;
  /** Null for the tab itself and its out-of-process frames: their sockets have content scripts. */
  worker: WorkerInfo | null;
  /** Tabs whose panels see this session's sockets: a shared worker serves several. */
  tabs: Set<number>;
  /** The recorder's request function in the worker (`Runtime.RemoteObjectId`). */
  receiver: string | null;
  wire: WireTracker;
  /**
   * Whether the recorder is installed and the network watched: a worker is named to the panel
   * only then, so a user (or a test) who starts the worker's sockets on seeing it named loses none.
   */
  ready: boolean;
}

/**
 * Measured in Chromium 156 through chrome.debugger: `Target.setAutoAttach` on a tab reaches its
 * dedicated workers (nested ones through the worker's own auto-attach) and the service workers
 * whose scope covers the page, running or started later; not shared workers. Those are listed
 * by `chrome.debugger.getTargets()` (type "worker") and can be attached by id, but
 * `Target.setDiscoverTargets` is "Not allowed" to extensions, so new ones are looked for this often.
 */
export const SHARED_WORKER_SCAN_MS = 1000;
const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };
/** The recorder leaves its request function there (src/page/start-recorder.ts). */
const RECEIVER = `globalThis[Symbol.for(${JSON.stringify(WORKER_RECEIVER)})]`;
/** Runs in the worker with `this` the recorder's receiver: calls it, and looks nothing up. */
const CALL_RECEIVER = 'function (request) { this(request); }';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Deep capture's bookkeeping, free of extension APIs: which tabs have it on, the debugger
 * sessions of their workers, installing the recorder in each worker before its script runs, and
 * mapping CDP events to what the router understands. Unit-tested against a fake browser.
 */
export class DeepCapture {
  private readonly on = new Set<number>();
  private readonly sessions = new Map<string, Session>();
  private readonly last = new Map<number, DeepCaptureState>();
  /** Targets found by a scan that are being attached, or that are no shared worker. */
  private readonly attaching = new Set<string>();
  private readonly notShared = new Set<string>();
  private stopScan: (() => void) | null = null;
  private source: Promise<string> | null = null;

  constructor(private readonly deps: DeepCaptureDeps) {}

  stateOf(tabId: number): DeepCaptureState {
    return this.last.get(tabId) ?? { on: false, workers: [], reason: null };
  }

  isOn(tabId: number): boolean {
    return this.on.has(tabId);
  }

  async start(tabId: number): Promise<void> {
    if (this.on.has(tabId)) return this.publish(tabId);
    const { cdp } = this.deps;
    try {
      await cdp.attach({ tabId });
    } catch (e) {
      return this.publish(tabId, `Deep capture could not start: ${message(e)}.`);
    }
    this.on.add(tabId);
    this.deps.persist([...this.on]);
    this.open(`tab:${tabId}`, { tabId }, null, [tabId]);
    try {
      await cdp.send({ tabId }, 'Network.enable');
      await cdp.send({ tabId }, 'Target.setAutoAttach', AUTO_ATTACH);
    } catch (e) {
      return this.stop(tabId, `Deep capture could not start: ${message(e)}.`);
    }
    this.publish(tabId);
    this.stopScan ??= this.deps.every(() => void this.scan(), SHARED_WORKER_SCAN_MS);
    await this.scan();
  }

  /** Off for the tab: its sessions end, and shared workers no other tab watches are let go. */
  async stop(tabId: number, reason: string | null = null, attached = true): Promise<void> {
    const { cdp } = this.deps;
    if (this.on.delete(tabId)) {
      this.deps.persist([...this.on]);
      for (const [key, s] of this.sessions) {
        if (!s.tabs.delete(tabId) || s.tabs.size > 0) continue;
        this.sessions.delete(key);
        const { targetId } = s.target;
        if (s.target.sessionId === undefined && targetId !== undefined)
          await cdp.detach({ targetId }).catch(() => undefined);
      }
      if (attached) await cdp.detach({ tabId }).catch(() => undefined);
      if (this.on.size === 0) {
        this.stopScan?.();
        this.stopScan = null;
      }
    }
    this.publish(tabId, reason);
  }

  /**
   * Tabs that had it on when the service worker stopped: nothing of their sessions survived in
   * memory, so they are detached cleanly and their panels told why.
   */
  async forget(tabIds: readonly number[]): Promise<void> {
    for (const tabId of tabIds) {
      await this.deps.cdp.detach({ tabId }).catch(() => undefined);
      this.publish(tabId, 'Deep capture went off: the extension’s service worker was restarted.');
    }
    this.deps.persist([...this.on]);
  }

  /** Asks every worker recorder the tab sees for its whole history (a panel subscribed). */
  sync(tabId: number): void {
    for (const s of this.sessions.values()) if (s.tabs.has(tabId)) void this.request(s, SYNC_REQUEST);
  }

  /** A tester's fault control for a worker's socket. */
  inject(key: string, command: InjectCommand): void {
    const s = this.sessions.get(key);
    if (s) void this.request(s, command);
  }

  /** `chrome.debugger.onEvent`. */
  event(source: CdpSession, method: string, params: unknown): void {
    const s = this.sessionOf(source);
    if (!s || !isObject(params)) return;
    switch (method) {
      case 'Target.attachedToTarget':
        void this.attached(s, params);
        return;
      case 'Target.detachedFromTarget': {
        const gone = this.sessions.get(`session:${String(params.sessionId)}`);
        if (!gone) return;
        this.sessions.delete(gone.key);
        for (const tabId of gone.tabs) this.publish(tabId);
        return;
      }
      case 'Runtime.bindingCalled': {
        const { worker } = s;
        if (params.name !== WORKER_BINDING || !worker || typeof params.payload !== 'string') return;
        for (const tabId of s.tabs) this.deps.pageData(tabId, { key: s.key, worker }, params.payload);
        return;
      }
      default: {
        const report = s.wire.event(method, params);
        if (report) for (const tabId of s.tabs) this.deps.wire(tabId, report);
      }
    }
  }

  /** `chrome.debugger.onDetach`: the user cancelled Chrome's bar, the tab closed, a worker ended. */
  detached(source: CdpSession, reason: string): void {
    const { tabId, targetId } = source;
    if (tabId !== undefined) {
      if (this.on.has(tabId)) void this.stop(tabId, detachReasonText(reason), false);
      return;
    }
    const s = targetId === undefined ? undefined : this.sessions.get(`target:${targetId}`);
    if (!s) return;
    this.sessions.delete(s.key);
    for (const t of s.tabs) this.publish(t);
  }

  private sessionOf(source: CdpSession): Session | undefined {
    if (source.sessionId !== undefined) return this.sessions.get(`session:${source.sessionId}`);
    if (source.targetId !== undefined) return this.sessions.get(`target:${source.targetId}`);
    if (source.tabId !== undefined) return this.sessions.get(`tab:${source.tabId}`);
    return undefined;
  }

  private open(key: string, target: CdpSession, worker: WorkerInfo | null, tabs: Iterable<number>): Session {
    const s: Session = {
      key,
      target,
      worker,
      tabs: new Set(tabs),
      receiver: null,
      wire: new WireTracker(() => this.deps.now()),
      ready: false,
    };
    this.sessions.set(key, s);
    return s;
  }

  /** A child of one of our sessions: a worker (or an out-of-process frame), maybe paused at start. */
  private async attached(parent: Session, params: Record<string, unknown>): Promise<void> {
    const { sessionId, targetInfo } = params;
    if (typeof sessionId !== 'string' || !isObject(targetInfo)) return;
    const kind = workerKindOf(targetInfo.type);
    const url = typeof targetInfo.url === 'string' ? targetInfo.url : '';
    const { tabId, targetId } = parent.target;
    const target: CdpSession = {
      ...(tabId === undefined ? {} : { tabId }),
      ...(targetId === undefined ? {} : { targetId }),
      sessionId,
    };
    const s = this.open(`session:${sessionId}`, target, kind ? { kind, url } : null, parent.tabs);
    await this.prepare(s, params.waitingForDebugger === true);
  }

  /**
   * Installs the recorder before the worker's script runs, then lets it run. The commands go out
   * together, without waiting for answers: measured in Chromium 156, a service worker held at
   * start answers nothing until it is let run, and then runs the queued commands, in order,
   * before its own script.
   */
  private async prepare(s: Session, waiting: boolean): Promise<void> {
    const { cdp } = this.deps;
    const ignore = () => undefined;
    let receiver: Promise<unknown> = Promise.resolve(null);
    const expression = s.worker ? await this.recorderSource() : null;
    if (expression !== null) {
      void cdp.send(s.target, 'Runtime.addBinding', { name: WORKER_BINDING }).catch(ignore);
      void cdp.send(s.target, 'Runtime.evaluate', { expression, silent: true }).catch(ignore);
      receiver = cdp.send(s.target, 'Runtime.evaluate', { expression: RECEIVER }).catch(() => null);
    }
    if (waiting) void cdp.send(s.target, 'Runtime.runIfWaitingForDebugger').catch(ignore);
    const found = await receiver;
    const result = isObject(found) && isObject(found.result) ? found.result : null;
    s.receiver = typeof result?.objectId === 'string' ? result.objectId : null;
    // Streams live from now on: the recorder sends what it has, then every message as it comes.
    await this.request(s, SYNC_REQUEST);
    await cdp.send(s.target, 'Network.enable').catch(ignore);
    await cdp.send(s.target, 'Target.setAutoAttach', AUTO_ATTACH).catch(ignore);
    s.ready = true;
    for (const tabId of s.tabs) this.publish(tabId);
  }

  /** The worker recorder's source, fetched once (and again after a failed fetch). */
  private async recorderSource(): Promise<string | null> {
    this.source ??= this.deps.recorder();
    try {
      return await this.source;
    } catch {
      this.source = null;
      return null;
    }
  }

  private async request(s: Session, request: object): Promise<void> {
    if (s.receiver === null) return;
    await this.deps.cdp
      .send(s.target, 'Runtime.callFunctionOn', {
        objectId: s.receiver,
        functionDeclaration: CALL_RECEIVER,
        arguments: [{ value: JSON.stringify(request) }],
      })
      .catch(() => undefined);
  }

  /** Shared workers of the tabs' origins: attached by id, once, for every tab that has it on. */
  private async scan(): Promise<void> {
    if (this.on.size === 0) return;
    let targets: CdpTargetInfo[];
    try {
      targets = await this.deps.cdp.targets();
    } catch {
      return;
    }
    const origins = new Map<number, string | null>();
    for (const tabId of this.on) {
      const page = targets.find((t) => t.type === 'page' && t.tabId === tabId);
      origins.set(tabId, page ? originOf(page.url) : null);
    }
    for (const t of targets) {
      if (t.type !== 'worker' || this.notShared.has(t.id) || this.attaching.has(t.id)) continue;
      const origin = originOf(t.url);
      const tabs = [...this.on].filter((tabId) => origin !== null && origins.get(tabId) === origin);
      if (tabs.length === 0) continue;
      const held = this.sessions.get(`target:${t.id}`);
      if (held) {
        for (const tabId of tabs) if (!held.tabs.has(tabId)) this.share(held, tabId);
      } else if (!t.attached) {
        await this.attachShared(t, tabs);
      }
    }
  }

  private share(s: Session, tabId: number): void {
    s.tabs.add(tabId);
    void this.request(s, SYNC_REQUEST);
    this.publish(tabId);
  }

  private async attachShared(t: CdpTargetInfo, tabs: number[]): Promise<void> {
    const { cdp } = this.deps;
    const root = { targetId: t.id };
    this.attaching.add(t.id);
    try {
      await cdp.attach(root);
      const info = await cdp.send(root, 'Target.getTargetInfo');
      const type = isObject(info) && isObject(info.targetInfo) ? info.targetInfo.type : null;
      const watching = tabs.filter((tabId) => this.on.has(tabId));
      // A service worker that does not serve these tabs (else auto-attach had it) is none of theirs.
      if (workerKindOf(type) !== 'shared' || watching.length === 0) {
        if (workerKindOf(type) !== 'shared') this.notShared.add(t.id);
        await cdp.detach(root).catch(() => undefined);
        return;
      }
      await this.prepare(this.open(`target:${t.id}`, root, { kind: 'shared', url: t.url }, watching), false);
    } catch {
      // Gone before we got there, or another debugger holds it.
    } finally {
      this.attaching.delete(t.id);
    }
  }

  /**
   * While the tab is off, why it went off stands until a new reason comes or it is turned on: a
   * later state without one (a stop that found it off already, a session's late news) must not
   * wipe it. Once in about fifty runs, a panel showed no reason after its tab closed: such a
   * later state is the only path found that ends there.
   */
  private publish(tabId: number, reason: string | null = null): void {
    const workers: WorkerInfo[] = [];
    for (const s of this.sessions.values())
      if (s.worker && s.ready && s.tabs.has(tabId)) workers.push(s.worker);
    const on = this.on.has(tabId);
    const why = reason ?? (on ? null : (this.last.get(tabId)?.reason ?? null));
    const state: DeepCaptureState = { on, workers, reason: why };
    this.last.set(tabId, state);
    this.deps.state(tabId, state);
  }
}
