import { useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../import/close-log-file';
import { importedStore } from '../import/imported-store';
import type { LogStore } from '../log/log-store';
import { App } from './app';
import { ImportButton } from './import-button';
import type { PanelLink } from './panel-link';
import { readImportFile } from './read-import-file';

interface Imported {
  name: string;
  kind: string;
  store: LogStore;
  /** Each import starts a fresh view (selection, scroll), even of the same file. */
  key: number;
}

interface Props {
  /** The live tab's store and link; null in the standalone viewer. */
  live: { store: LogStore; link: PanelLink | null; source: string | null } | null;
}

/**
 * The panel or the viewer around the App: opens imported close logs (file picker or drop
 * anywhere) in a separate read-only view, and reports a file it cannot open without disturbing
 * what is shown.
 */
export function PanelShell({ live }: Props) {
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const open = async (file: File) => {
    const result = await readImportFile(file);
    if (!result.ok) return setError(result.error);
    setError(null);
    setImported({
      name: file.name,
      kind: result.kind,
      store: importedStore(result.log),
      key: (imported?.key ?? 0) + 1,
    });
  };
  const tools = <ImportButton onFile={(f) => void open(f)} />;
  const errorBanner = error && (
    <p class="banner banner-error" role="alert">
      {error}{' '}
      <button type="button" class="link" onClick={() => setError(null)}>
        Dismiss
      </button>
    </p>
  );

  return (
    <div
      class={dragging ? 'shell dragging' : 'shell'}
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) void open(file);
      }}
    >
      {imported ? (
        <App
          key={imported.key}
          store={imported.store}
          link={null}
          source={null}
          tools={tools}
          banner={
            <>
              <p class="banner banner-imported" role="status" data-testid="imported-banner">
                Imported: {imported.name} (read-only {imported.kind}, {imported.store.sockets.size}{' '}
                {imported.store.sockets.size === 1 ? 'socket' : 'sockets'})
                {live && (
                  <button type="button" class="link" onClick={() => setImported(null)}>
                    Back to the live tab
                  </button>
                )}
              </p>
              {errorBanner}
            </>
          }
        />
      ) : live ? (
        <App store={live.store} link={live.link} source={live.source} tools={tools} banner={errorBanner} />
      ) : (
        <div class="welcome">
          <h1>WebSocket close log viewer</h1>
          <p>Open a JSON close log or a HAR file exported by WebSocket Close Inspector: drop it here, or</p>
          <p>{tools}</p>
          <p class="muted">
            Files up to {MAX_IMPORT_BYTES / (1024 * 1024)} MB. Nothing is uploaded: the file is read in this
            page only.
          </p>
          {errorBanner}
        </div>
      )}
    </div>
  );
}
