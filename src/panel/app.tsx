import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { LogStore } from '../log/log-store';
import { groupConnections } from '../log/reconnects';
import { isFilterActive, matchingOrdinals, NO_FILTER, parseCodes, socketMatches } from '../log/socket-filter';
import type { SocketFilter } from '../log/socket-filter';
import type { SocketRecord } from '../log/socket-record';
import { explainCached } from '../log/socket-view';
import { exportFile } from '../export/export-file';
import type { ExportFormat } from '../export/export-file';
import { injectCommand } from '../protocol/inject-command';
import { ConnectionsTable } from './connections-table';
import { DetailsPane } from './details-pane';
import type { DetailsTab } from './details-pane';
import { downloadText } from './download';
import { ExportMenu } from './export-menu';
import type { ExportScope } from './export-menu';
import type { OnInject } from './fault-controls';
import { FilterBar } from './filter-bar';
import { LimitsDialog } from './limits-dialog';
import type { PanelLink } from './panel-link';
import { loadPreferences, savePreferences } from './preferences';
import type { Preferences } from './preferences';
import { SocketTable } from './socket-table';
import type { SocketRow, TableItem } from './socket-table';
import { SplitPane } from './split-pane';
import { Timeline } from './timeline';
import { Toolbar } from './toolbar';
import type { MainView } from './toolbar';
import { useNow, useStoreVersion } from './use-store';

export interface AppProps {
  store: LogStore;
  /** The live tab's link; null for a read-only log. */
  link: PanelLink | null;
  /** Shown at the end of the toolbar, e.g. "tab 12". */
  source: string | null;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** More toolbar buttons (Import). */
  tools?: ComponentChildren;
  /** Shown above the toolbar (what an imported log is). */
  banner?: ComponentChildren;
}

export function App({ store, link, source, storage = localStorage, tools, banner }: AppProps) {
  const version = useStoreVersion(store);
  const [prefs, setPrefs] = useState<Preferences>(() => loadPreferences(storage));
  const [filter, setFilter] = useState<SocketFilter>(NO_FILTER);
  const [view, setView] = useState<MainView>('sockets');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<DetailsTab>('close');
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [limitsOpen, setLimitsOpen] = useState(false);

  useEffect(() => store.setLimits(prefs.limits), [store, prefs.limits]);
  const updatePrefs = (change: Partial<Preferences>) => {
    const next = { ...prefs, ...change };
    setPrefs(next);
    savePreferences(storage, next);
  };

  const all = useMemo(
    () => [...store.sockets.values()].sort((a, b) => a.createdAt - b.createdAt),
    [store, version],
  );
  const codes = parseCodes(filter.codes);
  const search = filter.search.trim();
  const visible: SocketRow[] = useMemo(() => {
    const match = codes.ok ? codes.match : null;
    const rows: SocketRow[] = [];
    for (const socket of all) {
      const x = explainCached(socket);
      if (!socketMatches(socket, x, filter, match)) continue;
      const matches = search ? matchingOrdinals(socket.messages, search).length : null;
      if (matches !== 0) rows.push({ socket, x, matches });
    }
    return rows;
  }, [all, version, filter]);
  const items = useMemo(() => withNavigations(visible, store.navigations), [visible, version]);
  // Only the timeline and the connections view show connection histories.
  const grouped = prefs.showTimeline || view === 'connections';
  const groups = useMemo(
    () =>
      grouped
        ? groupConnections(
            visible.map((r) => r.socket),
            (s: SocketRecord) => explainCached(s)?.abnormal ?? false,
          )
        : [],
    [visible, grouped],
  );
  const { abnormal, injected, alive } = useMemo(() => countSockets(all), [all]);
  // An imported log stands still at its export time; a live one ticks while a socket lives.
  const liveNow = useNow(store.frozenAt === null && alive);
  const now = store.frozenAt ?? liveNow;
  const selected = visible.find((r) => r.socket.id === selectedId) ?? null;

  const select = (id: string | null) => {
    if (id !== selectedId) setSelectedSeq(null);
    setSelectedId(id);
  };
  const exportAs = (format: ExportFormat, scope: ExportScope) => {
    const file = exportFile(format, scope === 'all' ? all : visible.map((r) => r.socket), new Date());
    downloadText(file.name, file.mime, file.text);
  };
  const onInject: OnInject | undefined = link
    ? (s, request) => link.inject(s.frameId, injectCommand(s.doc, s.socket, request))
    : undefined;
  const filtered = isFilterActive(filter) ? visible.length : null;
  const main = (
    <div class="main-top">
      {prefs.showTimeline && (
        <Timeline
          groups={groups}
          explain={explainCached}
          navigations={store.navigations}
          selectedId={selectedId}
          onSelect={select}
          now={now}
        />
      )}
      {view === 'sockets' ? (
        <SocketTable
          items={items}
          selectedId={selectedId}
          onSelect={select}
          onOpen={(id) => {
            select(id);
            setTab('messages');
          }}
          now={now}
          emptyText={
            all.length === 0
              ? 'No WebSockets yet. Sockets this page opens appear here, including those opened before DevTools was.'
              : 'No socket matches the filters.'
          }
        />
      ) : (
        <ConnectionsTable
          groups={groups}
          explain={explainCached}
          selectedId={selectedId}
          onSelect={select}
          now={now}
        />
      )}
    </div>
  );

  return (
    <div class="app">
      {banner}
      <Toolbar
        live={link !== null}
        paused={store.pausedSince !== null}
        onPause={(paused) => {
          store.setPaused(paused, Date.now());
          if (!paused) link?.resync();
        }}
        onClear={() => {
          store.clear();
          link?.clear();
          select(null);
        }}
        preserveLog={store.preserveLog}
        onPreserveLog={(on) => {
          store.setPreserveLog(on);
          link?.setPreserveLog(on);
        }}
        view={view}
        onView={setView}
        showTimeline={prefs.showTimeline}
        onShowTimeline={(on) => updatePrefs({ showTimeline: on })}
        exports={<ExportMenu total={all.length} filtered={filtered} onExport={exportAs} />}
      >
        {tools}
        <button
          type="button"
          class="icon-button"
          title="Message preview limits"
          aria-label="Message preview limits"
          onClick={() => setLimitsOpen(!limitsOpen)}
        >
          ⚙
        </button>
        <span class="summary" data-testid="summary">
          {all.length} {all.length === 1 ? 'socket' : 'sockets'}
          {abnormal > 0 && <span class="summary-abnormal"> · ✕ {abnormal} abnormal</span>}
          {injected > 0 && (
            <span
              class="summary-injected"
              title="Closes the tester injected with the fault controls: never counted as abnormal"
            >
              {' '}
              · ⚑ {injected} injected
            </span>
          )}
        </span>
        {store.rejected.count > 0 && (
          <span class="rejected" title={`Last: ${store.rejected.lastError}`} data-testid="rejected">
            {store.rejected.count} malformed page messages ignored
          </span>
        )}
        {source && <span class="source muted">{source}</span>}
      </Toolbar>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        codesError={codes.ok ? null : codes.error}
        shown={visible.length}
        total={all.length}
      />
      {store.pausedSince !== null && (
        <p class="banner" role="status">
          Recording paused: new sockets are not recorded. Sockets already listed keep exact counts when you
          resume.
        </p>
      )}
      {limitsOpen && (
        <LimitsDialog
          limits={prefs.limits}
          onApply={(limits) => {
            updatePrefs({ limits });
            setLimitsOpen(false);
          }}
          onClose={() => setLimitsOpen(false)}
        />
      )}
      <main>
        <SplitPane
          ratio={prefs.splitRatio}
          onRatio={(splitRatio) => updatePrefs({ splitRatio })}
          top={main}
          bottom={
            selected && (
              <DetailsPane
                row={selected}
                tab={tab}
                onTab={setTab}
                search={search}
                selectedSeq={selectedSeq}
                onSelectMessage={setSelectedSeq}
                onInject={onInject}
              />
            )
          }
        />
      </main>
    </div>
  );
}

/** Sockets in creation order with a separator row at each preserved navigation. */
function withNavigations(rows: SocketRow[], navigations: { at: number; url: string }[]): TableItem[] {
  const items: TableItem[] = [];
  let n = 0;
  for (const row of rows) {
    while (n < navigations.length && navigations[n]!.at <= row.socket.createdAt)
      items.push({ kind: 'navigation', nav: navigations[n++]! });
    items.push({ kind: 'socket', row });
  }
  while (n < navigations.length) items.push({ kind: 'navigation', nav: navigations[n++]! });
  return items;
}

function countSockets(sockets: SocketRecord[]): { abnormal: number; injected: number; alive: boolean } {
  let abnormal = 0;
  let injected = 0;
  let alive = false;
  for (const s of sockets) {
    if (explainCached(s)?.abnormal) abnormal++;
    if (s.injected) injected++;
    if (s.state !== 'closed') alive = true;
  }
  return { abnormal, injected, alive };
}
