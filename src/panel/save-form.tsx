import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../compose/draft';
import { MAX_SAVED_NAME_CHARS } from '../saved/saved-message';
import { useModel } from './model/model-context';
import type { SavedScope } from './model/saved-messages';

/** Saves a draft under a name, for this site or for all sites. */
export function SaveForm({ draft, onDone, onCancel }: { draft: Draft; onDone(): void; onCancel(): void }) {
  const saved = useModel().saved;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<SavedScope>(saved?.scope.value ?? 'global');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  if (!saved) return null;
  const origin = saved.origin.value;
  const save = async () => {
    await saved.save(name, draft, scope);
    const status = saved.status.value;
    if (status?.ok) onDone();
    else setError(status?.text ?? null);
  };
  return (
    <form
      class="save-form"
      aria-label="Save the message"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <input
        type="text"
        aria-label="Name of the saved message"
        placeholder="Name"
        maxLength={MAX_SAVED_NAME_CHARS}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        ref={input}
      />
      <select
        aria-label="Save for"
        value={scope}
        onChange={(e) => setScope(e.currentTarget.value === 'site' ? 'site' : 'global')}
      >
        <option value="site" disabled={origin === null}>
          {origin === null ? 'This site (unknown)' : `This site (${origin})`}
        </option>
        <option value="global">All sites</option>
      </select>
      <button type="submit" disabled={name.trim() === ''}>
        Save
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span class="error-text" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
