import { useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../import/close-log-file';
import { App } from './app';
import { ImportButton } from './import-button';
import { ModelContext } from './model/model-context';
import type { PanelModel } from './model/panel-model';
import { readImportFile } from './read-import-file';

/**
 * The panel or the viewer around the App: opens imported close logs (file picker or drop
 * anywhere) in a separate read-only view, and reports a file it cannot open without disturbing
 * what is shown. `model`: the live tab's, or, in the standalone viewer, one with no tab.
 */
export function PanelShell({ model }: { model: PanelModel }) {
  const [dragging, setDragging] = useState(false);
  const imported = model.imported.value;
  const error = model.importError.value;

  const open = async (file: File) => {
    const read = await readImportFile(file);
    if (read.ok) model.openImport(file.name, read.text);
    else model.importFailed(read.error);
  };
  const tools = <ImportButton onFile={(f) => void open(f)} />;
  const errorBanner = error && (
    <p class="banner banner-error" role="alert">
      {error}{' '}
      <button type="button" class="link" onClick={() => model.importFailed(null)}>
        Dismiss
      </button>
    </p>
  );
  const sockets = imported?.model.log.value.sockets.size ?? 0;

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
        <ModelContext.Provider value={imported.model} key={imported.id}>
          <App
            tools={tools}
            banner={
              <>
                <p class="banner banner-imported" role="status" data-testid="imported-banner">
                  Imported: {imported.name} (read-only {imported.kind}, {sockets}{' '}
                  {sockets === 1 ? 'socket' : 'sockets'}
                  {imported.secrets === 'unknown' ? '' : `, secrets ${imported.secrets}`})
                  {model.isLive && (
                    <button type="button" class="link" onClick={() => model.closeImport()}>
                      Back to the live tab
                    </button>
                  )}
                </p>
                {errorBanner}
              </>
            }
          />
        </ModelContext.Provider>
      ) : model.isLive ? (
        <ModelContext.Provider value={model}>
          <App tools={tools} banner={errorBanner} />
        </ModelContext.Provider>
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
