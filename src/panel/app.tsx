import { useMemo, useState } from 'preact/hooks';
import type { LogStore } from '../log/log-store';
import { explainSocket } from '../log/socket-view';
import { buildCloseLog } from '../export/close-log';
import { downloadText, fileStamp } from './download';
import { SocketDetails } from './socket-details';
import type { SocketRow } from './socket-table';
import { SocketTable } from './socket-table';
import { useNow, useStoreVersion } from './use-store';

export interface AppProps {
  store: LogStore;
  /** Shown in the title bar, e.g. "tab 12"; null when the panel has no live tab. */
  source: string | null;
}

export function App({ store, source }: AppProps) {
  const version = useStoreVersion(store);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows: SocketRow[] = useMemo(
    () =>
      [...store.sockets.values()]
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((socket) => ({ socket, x: explainSocket(socket) })),
    [store, version],
  );
  const abnormal = rows.filter((r) => r.x?.abnormal).length;
  const now = useNow(rows.some((r) => r.socket.state !== 'closed'));
  const selected = rows.find((r) => r.socket.id === selectedId) ?? null;
  const exportJson = () => {
    const now = new Date();
    const log = buildCloseLog(rows.map((r) => r.socket), now);
    downloadText(`websocket-close-log-${fileStamp(now)}.json`, 'application/json', JSON.stringify(log, null, 2));
  };

  return (
    <div class="app">
      <div class="toolbar" role="toolbar" aria-label="WebSocket Close Inspector">
        <button type="button" onClick={exportJson} disabled={rows.length === 0}>
          Export JSON
        </button>
        <span class="summary" data-testid="summary">
          {rows.length} {rows.length === 1 ? 'socket' : 'sockets'}
          {abnormal > 0 && <span class="summary-abnormal"> · ✕ {abnormal} abnormal</span>}
        </span>
        {store.rejected.count > 0 && (
          <span class="rejected" title={`Last: ${store.rejected.lastError}`} data-testid="rejected">
            {store.rejected.count} malformed page messages ignored
          </span>
        )}
        {source && <span class="source muted">{source}</span>}
      </div>
      <main class={selected ? 'split' : 'single'}>
        <SocketTable rows={rows} selectedId={selectedId} onSelect={setSelectedId} now={now} />
        {selected && <SocketDetails row={selected} />}
      </main>
    </div>
  );
}
