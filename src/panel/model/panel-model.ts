import { batch, computed, effect, signal } from '@preact/signals';
import type { ReadonlySignal, Signal } from '@preact/signals';
import { toCloseLogSocket } from '../../export/close-log';
import type { ExportableSocket } from '../../export/close-log';
import { exportFile } from '../../export/export-file';
import type { RedactionOptions } from '../../export/redaction';
import { socketSummaryText } from '../../export/socket-summary-text';
import type { ExportedFile, ExportFormat } from '../../export/export-file';
import { parseImport } from '../../import/close-log-file';
import { closeLogToSockets } from '../../import/close-log-sockets';
import { emptyLog } from '../../log/log-state';
import type { LogState } from '../../log/log-state';
import { reduceLog } from '../../log/log-reducer';
import type { LogAction } from '../../log/log-reducer';
import type { PreviewLimits } from '../../log/preview-limits';
import { endpointOf, groupConnections } from '../../log/reconnects';
import type { ConnectionGroup } from '../../log/reconnects';
import { NO_MESSAGE_FILTER } from '../../log/message-filter';
import type { MessageFilter } from '../../log/message-filter';
import { NO_FILTER } from '../../log/socket-filter';
import type { SocketFilter } from '../../log/socket-filter';
import type { MessageRecord, SocketRecord } from '../../log/socket-record';
import { explainCached } from '../../log/socket-view';
import { VisibleSocketsSelector } from '../../log/visible-sockets';
import type { VisibleSockets } from '../../log/visible-sockets';
import { injectCommand } from '../../protocol/inject-command';
import type { InjectRequest } from '../../protocol/inject-command';
import { DEEP_CAPTURE_OFF } from '../../protocol/deep-capture';
import type { DeepCaptureState } from '../../protocol/deep-capture';
import type { PanelMessage, PanelRequest } from '../../protocol/runtime-messages';
import type { PortLike } from '../../transport/port-like';
import { ComposerModel } from './composer';
import { withChoice } from './decode-as';
import type { DecodeAs } from './decode-as';
import { Diagnostics } from './diagnostics';
import { linkPanel } from './panel-link';
import type { LinkStatus, PanelLink } from './panel-link';
import { loadPreferences, savePreferences } from './preferences';
import { InterceptModel } from './intercept-model';
import { SavedMessagesModel } from './saved-messages';
import type { ExtensionStorage } from './saved-messages';
import type { Preferences } from './preferences';
import { ProtocolViews } from './protocol-views';
import { tableItems } from './table-items';
import type { TableItems } from './table-items';

export type MainView = 'sockets' | 'connections';
export type DetailsTab = 'close' | 'messages' | 'compose';
/** Every socket, those the filters show, the selected one, or its connection history (its endpoint's sockets). */
export type ExportScope = 'all' | 'filtered' | 'selected' | 'connection';

export interface PanelModelDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now(): number;
  /** Runs `fn` when the views can next paint (an animation frame; a timer in a hidden page). */
  schedule(fn: () => void): void;
  setTimeout(fn: () => void, ms: number): unknown;
  /** The live tab this panel inspects, and how to reach the background; absent for a read-only log. */
  live?: {
    tabId: number;
    connect(): PortLike<PanelRequest>;
    /**
     * Where worker sockets can be recorded: `switch` in the Chrome build with deep capture (it has
     * `debugger` from install), `other-build` in the Chrome build without it; absent where the
     * browser has no debugger API for extensions (Firefox).
     */
    deepCapture?: DeepCaptureBuild;
  };
  /** The extension's storage, where saved messages live; absent where there are none (the viewer). */
  extensionStorage?: ExtensionStorage;
}

export type DeepCaptureBuild = 'switch' | 'other-build';

/** Deep capture as the panel shows it: the background's state, and whether the switch can exist. */
export interface DeepCaptureView extends DeepCaptureState {
  /** `none`: the browser has no debugger API for extensions. */
  build: DeepCaptureBuild | 'none';
  /** Asked for, not yet confirmed by the background. */
  pending: boolean;
}

/** An imported close log, open in a read-only view of its own beside the live tab. */
export interface ImportedLog {
  /** Each import starts a fresh view (selection, scroll), even of the same file. */
  id: number;
  name: string;
  kind: string;
  /** What the file says of its secrets; 'unknown' for files written before redaction existed. */
  secrets: 'redacted' | 'included' | 'unknown';
  model: PanelModel;
}

/**
 * Everything the panel shows and does, in one place: the log of the tab, the selection, the
 * filters, the view, pause, "Preserve log", the preview limits, the link to the background and
 * what went wrong. State lives in signals and is replaced, never changed in place; each user
 * action changes state and tells the background in one method; views read the derived values
 * below and call the actions.
 */
export class PanelModel {
  readonly log: Signal<LogState>;
  readonly prefs: Signal<Preferences>;
  readonly filter = signal<SocketFilter>(NO_FILTER);
  /** The message log's filters, for whichever socket is selected. */
  readonly logFilter = signal<MessageFilter>(NO_MESSAGE_FILTER);
  readonly view = signal<MainView>('sockets');
  readonly selectedId = signal<string | null>(null);
  readonly selectedSeq = signal<number | null>(null);
  readonly detailsTab = signal<DetailsTab>('close');
  /** The message log's filter by decoded type or event name. */
  readonly messageFilter = signal('');
  readonly linkStatus = signal<LinkStatus>({ state: 'connected' });
  readonly imported = signal<ImportedLog | null>(null);
  /**
   * Exports and Copy summary include secrets only while this is on: off by default and at every
   * new panel, so a log with tokens in it leaves only on purpose.
   */
  readonly includeSecrets = signal(false);
  readonly redaction: ReadonlySignal<RedactionOptions>;
  readonly importError = signal<string | null>(null);
  readonly diagnostics: Diagnostics;
  readonly deepCapture: Signal<DeepCaptureView>;
  /**
   * The clock of a live tab, ticking only while a connection may still come back (its "never came
   * back" flag waits for the client's next retry); views otherwise read their own clock.
   */
  readonly clock: Signal<number>;
  /** Shown in the toolbar, e.g. "tab 12". */
  readonly source: string | null;
  /** The inspected tab's top document, once the background has said. */
  readonly pageUrl = signal<string | null>(null);
  readonly composer: ComposerModel;
  readonly saved: SavedMessagesModel | null;
  /** Interception rules and held messages: a live tab's only. */
  readonly intercept: InterceptModel | null;

  readonly visible: ReadonlySignal<VisibleSockets>;
  readonly items: ReadonlySignal<TableItems>;
  /** Connection histories of the visible sockets; computed only while a view shows them. */
  readonly groups: ReadonlySignal<readonly ConnectionGroup[]>;
  readonly selected: ReadonlySignal<SocketRecord | null>;
  /** Application protocols: detection, the selected socket's decoding, explanations. */
  readonly protocols: ProtocolViews;

  private readonly link: PanelLink | null;
  private queue: LogAction[] = [];
  private scheduled = false;

  constructor(private readonly deps: PanelModelDeps) {
    this.diagnostics = new Diagnostics(deps.now);
    this.prefs = signal(loadPreferences(deps.storage));
    this.diagnostics.debug = this.prefs.value.debug;
    this.log = signal(emptyLog(this.prefs.value.limits));
    this.source = deps.live ? `tab ${deps.live.tabId}` : null;
    this.clock = signal(deps.now());
    this.deepCapture = signal({
      ...DEEP_CAPTURE_OFF,
      build: deps.live?.deepCapture ?? 'none',
      pending: false,
    });

    this.redaction = computed(() => {
      const names = this.prefs.value.secretNames;
      return { redact: !this.includeSecrets.value, ...(names ? { names } : {}) };
    });
    const selector = new VisibleSocketsSelector();
    this.visible = computed(() => selector.select(this.log.value, this.filter.value));
    this.items = computed(() => tableItems(this.log.value, this.visible.value.slots));
    this.groups = computed(memoGroups(this));
    this.selected = computed(() => {
      const id = this.selectedId.value;
      const log = this.log.value;
      const slot = id === null ? undefined : log.sockets.slotOf(id);
      if (slot === undefined || !this.visible.value.slots.includes(slot)) return null;
      return log.sockets.get(slot) ?? null;
    });
    this.protocols = new ProtocolViews(this.log, this.prefs, this.selected);

    this.composer = new ComposerModel((socket, request) => this.inject(socket, request));
    this.saved = deps.extensionStorage
      ? new SavedMessagesModel({ storage: deps.extensionStorage, pageUrl: this.pageUrl, now: deps.now })
      : null;

    this.tickWhileWaiting();
    const live = deps.live;
    this.link = live
      ? linkPanel({
          tabId: live.tabId,
          connect: live.connect,
          onMessage: (m) => this.receive(m),
          onStatus: (status) => this.linkStatusChanged(status),
          setTimeout: deps.setTimeout,
          now: deps.now,
        })
      : null;
    const link = this.link;
    this.intercept =
      link && deps.extensionStorage
        ? new InterceptModel({
            storage: deps.extensionStorage,
            pageUrl: this.pageUrl,
            setRules: (rules) => link.setInterceptRules(rules),
            decide: (frameId, command) => link.decideHeld(frameId, command),
          })
        : null;
  }

  /** A read-only model of an imported close log. */
  static imported(deps: Omit<PanelModelDeps, 'live'>, log: LogState): PanelModel {
    const model = new PanelModel(deps);
    model.log.value = log;
    return model;
  }

  get isLive(): boolean {
    return this.link !== null;
  }

  now(): number {
    return this.deps.now();
  }

  /** A message from the background: applied with the others of this frame, in one new state. */
  receive(m: PanelMessage): void {
    if (m.type === 'deep-capture') {
      this.deepCapture.value = { ...this.deepCapture.value, ...m.state, pending: false };
      return;
    }
    if (m.type === 'recorder-mismatch') {
      this.diagnostics.report(
        'recorder',
        `A recorder in ${m.frameId === 0 ? 'the page' : `frame ${m.frameId}`} speaks page protocol version ${m.recorderVersion}; this extension speaks ${m.expectedVersion}, so that frame's sockets are not listed. Is an older recorder script injected beside the extension (e.g. by a test suite)? Use the one from the same release.`,
      );
      return;
    }
    this.intercept?.receive(m);
    if (m.type === 'page' || m.type === 'navigated') this.pageUrl.value = m.url;
    if (m.type === 'page') return;
    this.queue.push(m);
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(() => this.flush());
  }

  /** Applies what arrived since the last frame. */
  flush(): void {
    this.scheduled = false;
    const messages = this.queue;
    if (messages.length === 0) return;
    this.queue = [];
    this.diagnostics.log(`applying ${messages.length} messages`);
    this.update(messages);
  }

  select(id: string | null): void {
    batch(() => {
      if (id !== this.selectedId.value) this.selectedSeq.value = null;
      this.selectedId.value = id;
    });
  }

  /** Enter on a socket: its messages. */
  openMessages(id: string): void {
    batch(() => {
      this.select(id);
      this.detailsTab.value = 'messages';
    });
  }

  /** A logged message into the composer, to edit and send or inject again. */
  resend(m: MessageRecord): void {
    batch(() => {
      this.composer.load(m);
      this.detailsTab.value = 'compose';
    });
  }

  selectMessage(seq: number | null): void {
    this.selectedSeq.value = seq;
  }

  setTab(tab: DetailsTab): void {
    this.detailsTab.value = tab;
  }

  setMessageFilter(text: string): void {
    this.messageFilter.value = text;
  }

  /** "Decode as" for the socket's endpoint, this socket and the ones after it; null: detect again. */
  decodeAs(socket: SocketRecord, choice: DecodeAs | null): void {
    this.setPrefs({ decodeAs: withChoice(this.prefs.value.decodeAs, socket.url, choice) });
  }

  setView(view: MainView): void {
    this.view.value = view;
  }

  setFilter(change: Partial<SocketFilter>): void {
    this.filter.value = { ...this.filter.value, ...change };
  }

  setLogFilter(change: Partial<MessageFilter>): void {
    this.logFilter.value = { ...this.logFilter.value, ...change };
  }

  /** Hides the messages a text or /regex/ matches from now on, in every panel. */
  addHideRule(rule: string): void {
    const trimmed = rule.trim();
    const rules = this.prefs.value.hideRules;
    if (trimmed === '' || rules.includes(trimmed)) return;
    this.setPrefs({ hideRules: [...rules, trimmed] });
  }

  removeHideRule(rule: string): void {
    this.setPrefs({ hideRules: this.prefs.value.hideRules.filter((r) => r !== rule) });
  }

  clearFilters(): void {
    this.filter.value = NO_FILTER;
  }

  pause(): void {
    this.update([{ type: 'pause', at: this.deps.now() }]);
  }

  /** Sockets already listed come back to exact counts: the pages send their histories again. */
  resume(): void {
    this.update([{ type: 'resume', at: this.deps.now() }]);
    this.link?.resync();
  }

  /** Empties the list and the badge. */
  clear(): void {
    batch(() => {
      this.update([{ type: 'clear' }]);
      this.select(null);
    });
    this.link?.clear();
  }

  setPreserveLog(on: boolean): void {
    this.update([{ type: 'preserve-log', on }]);
    this.link?.setPreserveLog(on);
  }

  setLimits(limits: PreviewLimits): void {
    this.setPrefs({ limits });
    this.update([{ type: 'limits', limits }]);
  }

  setPrefs(change: Partial<Preferences>): void {
    const next = { ...this.prefs.value, ...change };
    this.prefs.value = next;
    this.diagnostics.debug = next.debug;
    const error = savePreferences(this.deps.storage, next);
    if (error)
      this.diagnostics.report(
        'storage',
        `Settings could not be saved (${error}); they last until the panel closes.`,
      );
  }

  /**
   * The tester acting on a live socket (a fault control, or a message sent or injected): handed to
   * the recorder of the socket's frame.
   */
  inject(socket: SocketRecord, request: InjectRequest): void {
    this.diagnostics.log(`inject ${request.action} into ${socket.id}`);
    this.link?.inject(socket.frameId, injectCommand(socket.doc, socket.socket, request));
  }

  /** Deep capture on or off for this tab: the background attaches, or lets go. */
  setDeepCapture(on: boolean): void {
    if (this.deepCapture.value.build !== 'switch' || !this.link) return;
    if (on) this.deepCapture.value = { ...this.deepCapture.value, pending: true, reason: null };
    this.link.setDeepCapture(on);
  }

  /** The close log as a file, of the sockets in `scope`. */
  exportAs(format: ExportFormat, scope: ExportScope, at: Date): ExportedFile {
    return exportFile(format, this.socketsIn(scope).map(this.withDetection), at, this.redaction.value);
  }

  /** The sockets an export of `scope` holds, oldest first; none for a selection that is not there. */
  socketsIn(scope: ExportScope): SocketRecord[] {
    const log = this.log.value;
    const selected = this.selected.value;
    switch (scope) {
      case 'all':
        return recordsOf(log, log.order);
      case 'filtered':
        return recordsOf(log, this.visible.value.slots);
      case 'selected':
        return selected ? [selected] : [];
      case 'connection': {
        if (!selected) return [];
        const endpoint = endpointOf(selected.url);
        return recordsOf(log, log.order).filter((s) => endpointOf(s.url) === endpoint);
      }
    }
  }

  /** Opens a file in a read-only view of its own; a file it cannot read leaves everything as it was. */
  openImport(name: string, text: string): void {
    const result = parseImport(name, text);
    if (!result.ok) {
      this.importError.value = result.error;
      return;
    }
    const { sockets, exportedAt, redaction } = closeLogToSockets(result.log);
    const log = reduceLog(emptyLog(), [{ type: 'load', sockets, frozenAt: exportedAt }]);
    const { live: _live, extensionStorage: _storage, ...readOnly } = this.deps;
    batch(() => {
      this.importError.value = null;
      this.imported.value = {
        id: (this.imported.value?.id ?? 0) + 1,
        name,
        kind: result.kind,
        secrets: redaction === undefined ? 'unknown' : redaction.applied ? 'redacted' : 'included',
        model: PanelModel.imported(readOnly, log),
      };
    });
  }

  /** A socket's plain-text summary for a bug report, redacted as exports are. */
  summaryText(socket: SocketRecord): string {
    return socketSummaryText(toCloseLogSocket(this.withDetection(socket)), this.redaction.value);
  }

  /** A socket to export with its protocol as the panel shows it: the user's Decode as included. */
  private readonly withDetection = (s: SocketRecord): ExportableSocket => ({
    ...s,
    detection: this.protocols.detections.value.of(s),
  });

  /** A file that could not be opened (or null to dismiss the message). */
  importFailed(error: string | null): void {
    this.importError.value = error;
  }

  closeImport(): void {
    this.imported.value = null;
  }

  /** While a connection waits for its retry, the clock ticks, so the flag is raised on time. */
  private tickWhileWaiting(): void {
    let ticking = false;
    effect(() => {
      // Read the groups first, always: an effect that returned before reading them would never
      // run again, and the flag would wait for ever.
      const waiting = this.groups.value.some((g) => g.neverCameBackVerdict.waiting);
      if (ticking || !waiting) return;
      ticking = true;
      this.deps.setTimeout(() => {
        ticking = false;
        this.clock.value = this.deps.now();
      }, 1000);
    });
  }

  private update(actions: readonly LogAction[]): void {
    const next = reduceLog(this.log.value, actions);
    if (next !== this.log.value) this.log.value = next;
  }

  private linkStatusChanged(status: LinkStatus): void {
    const was = this.linkStatus.value;
    this.linkStatus.value = status;
    if (status.state !== 'connected') this.intercept?.linkLost();
    if (status.state === 'failed') {
      this.diagnostics.report(
        'link',
        `The panel lost the extension: ${status.error}. Close and reopen DevTools.`,
      );
    } else if (status.state === 'reconnecting') {
      this.diagnostics.log('the background went away (MV3 service worker stopped); reconnecting');
    } else if (was.state === 'reconnecting') {
      this.diagnostics.log('reconnected; the pages send their histories again');
    }
  }
}

/** Records of `slots`, in that order. */
export function recordsOf(log: LogState, slots: readonly number[]): SocketRecord[] {
  return slots.flatMap((slot) => {
    const s = log.sockets.get(slot);
    return s ? [s] : [];
  });
}

/**
 * Connection histories change only when a socket comes or goes, or its lifecycle changes: not
 * with every message of a busy socket. Recomputed only then, and only while shown.
 */
function memoGroups(model: PanelModel): () => readonly ConnectionGroup[] {
  let last: {
    slots: readonly number[];
    lifecycle: number;
    at: number | undefined;
    groups: readonly ConnectionGroup[];
  } | null = null;
  return () => {
    if (!model.prefs.value.showTimeline && model.view.value !== 'connections') return [];
    const log = model.log.value;
    const { slots } = model.visible.value;
    // A live tab's flags depend on the time only while one waits for a retry: only then is the
    // clock read (and so only then does its tick recompute the histories).
    const waiting = last?.groups.some((g) => g.neverCameBackVerdict.waiting) ?? false;
    const live = model.isLive && log.frozenAt === null;
    const at = live ? (waiting ? model.clock.value : model.now()) : undefined;
    if (last && last.slots === slots && last.lifecycle === log.lifecycle && (!waiting || last.at === at)) {
      return last.groups;
    }
    const groups = groupConnections(recordsOf(log, slots), (s) => explainCached(s)?.abnormal ?? false, {
      ...(at === undefined ? {} : { now: at }),
    });
    // Newly waiting: subscribe to the clock now, so its next tick comes back here.
    if (live && !waiting && groups.some((g) => g.neverCameBackVerdict.waiting)) void model.clock.value;
    last = { slots, lifecycle: log.lifecycle, at, groups };
    return groups;
  };
}
