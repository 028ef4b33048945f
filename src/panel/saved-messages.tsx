import { useState } from 'preact/hooks';
import type { SocketRecord } from '../log/socket-record';
import { MAX_SAVED_MESSAGES } from '../saved/saved-message';
import type { SavedMessage } from '../saved/saved-message';
import { downloadText } from './download';
import { ImportButton } from './import-button';
import { useModel } from './model/model-context';

const SAVED_FILE = {
  accept: '.json,application/json',
  label: 'Import saved messages from a file',
  title: 'Add the messages of a saved-messages file to this list',
};

/**
 * The saved messages of this site or of all sites: one click sends or injects one into the
 * selected socket; each can be loaded into the composer or deleted; the list exports to a file
 * and imports from one.
 */
export function SavedMessages({ socket, onClose }: { socket: SocketRecord; onClose(): void }) {
  const model = useModel();
  const { saved, composer } = model;
  const [search, setSearch] = useState('');
  if (!saved) return null;
  const scope = saved.scope.value;
  const origin = saved.origin.value;
  const list = saved.shown.value;
  const needle = search.trim().toLowerCase();
  const shown = needle ? list.filter((m) => m.name.toLowerCase().includes(needle)) : list;
  const status = saved.status.value;
  const exportList = () => {
    const f = saved.exportFile(new Date());
    downloadText(f.name, f.mime, f.text);
  };
  return (
    <section
      class="saved"
      aria-label="Saved messages"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div class="saved-bar">
        <div class="segmented" role="radiogroup" aria-label="Saved for">
          <button
            type="button"
            role="radio"
            aria-checked={scope === 'site'}
            class={scope === 'site' ? 'active' : ''}
            disabled={origin === null}
            title={origin ?? 'The page has no origin of its own'}
            onClick={() => saved.setScope('site')}
          >
            This site
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={scope === 'global'}
            class={scope === 'global' ? 'active' : ''}
            onClick={() => saved.setScope('global')}
          >
            All sites
          </button>
        </div>
        <input
          type="search"
          aria-label="Find a saved message by name"
          placeholder="Find by name"
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <button type="button" onClick={exportList} disabled={list.length === 0}>
          Export
        </button>
        <ImportButton
          kind={SAVED_FILE}
          onFile={(picked) => void picked.text().then((text) => saved.importFile(picked.name, text))}
        />
      </div>
      {status && (
        <p
          class={status.ok ? 'saved-status muted' : 'saved-status error-text'}
          role={status.ok ? 'status' : 'alert'}
        >
          {status.text}
        </p>
      )}
      {shown.length === 0 ? (
        <p class="muted saved-empty">
          {list.length === 0
            ? `Nothing saved ${scope === 'site' ? `for ${origin ?? 'this site'}` : 'for all sites'} yet: write a message below and choose Save…, or Save… a logged message.`
            : 'No saved message has that name.'}
        </p>
      ) : (
        <ul
          class="saved-list"
          aria-label={`${list.length.toLocaleString('en-US')} of at most ${MAX_SAVED_MESSAGES.toLocaleString('en-US')} saved messages`}
        >
          {shown.map((m) => (
            <SavedRow
              key={m.id}
              message={m}
              canSend={socket.state === 'open'}
              onSend={(action) => composer.submitDraft(socket, action, m.draft, m.name)}
              onLoad={() => composer.loadSaved(m.name, m.draft)}
              onDelete={() => void saved.remove(m.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedRow({
  message: m,
  canSend,
  onSend,
  onLoad,
  onDelete,
}: {
  message: SavedMessage;
  /** Only an open socket can send or receive. */
  canSend: boolean;
  onSend(action: 'send' | 'receive'): void;
  onLoad(): void;
  onDelete(): void;
}) {
  return (
    <li class="saved-row">
      <span class="saved-name" title={m.draft.body}>
        {m.name}
      </span>
      <span class="saved-format muted">{m.draft.format}</span>
      <button
        type="button"
        disabled={!canSend}
        onClick={() => onSend('send')}
        aria-label={`Send “${m.name}” as page`}
        title="Send as page"
      >
        Send
      </button>
      <button
        type="button"
        disabled={!canSend}
        onClick={() => onSend('receive')}
        aria-label={`Inject “${m.name}” as received`}
        title="Inject as received"
      >
        Inject
      </button>
      <button
        type="button"
        onClick={onLoad}
        aria-label={`Edit “${m.name}” in the composer`}
        title="Load into the composer"
      >
        Edit
      </button>
      <button
        type="button"
        class="saved-delete"
        onClick={onDelete}
        aria-label={`Delete “${m.name}”`}
        title="Delete"
      >
        ✕
      </button>
    </li>
  );
}
