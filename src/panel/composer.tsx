import { useId, useRef, useState } from 'preact/hooks';
import { DRAFT_FORMATS, isDraftFormat } from '../compose/draft';
import type { DraftFormat } from '../compose/draft';
import type { SocketRecord } from '../log/socket-record';
import { formatBytes } from './format';
import { useModel } from './model/model-context';
import { SaveForm } from './save-form';
import { SavedMessages } from './saved-messages';

const PLACEHOLDERS: Record<DraftFormat, string> = {
  text: 'hello',
  json: '{"type": "ping"}',
  hex: 'ca fe 00 ff',
  base64: 'yv4A/w==',
};

/**
 * The tester's composer for a socket of the live tab: a message as text, JSON or bytes, checked
 * as it is typed, then sent as the page or injected as if the server had sent it. Only an open
 * socket can take one; the draft and the saved messages stay usable for the next. The limits of
 * each action are said in plain words below the buttons.
 */
export function Composer({ socket }: { socket: SocketRecord }) {
  const model = useModel();
  const { composer, saved } = model;
  const { format, body } = composer.draft.value;
  const check = composer.check.value;
  const [showSaved, setShowSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  // The form goes when it is done or cancelled: focus goes back to the button that opened it,
  // not to the page's start, so a keyboard user carries on from where they were.
  const closeSaveForm = () => {
    setSaving(false);
    saveButton.current?.focus();
  };
  const open = socket.state === 'open';
  const submit = (action: 'send' | 'receive') => open && composer.submit(socket, action);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    submit(e.shiftKey ? 'receive' : 'send');
  };
  // An empty draft is not a mistake: say what to do, without the error colour.
  const error = !check.ok && !check.empty ? check.error : null;
  const checkId = useId();
  return (
    <section class="composer" aria-label="Compose a message">
      <div class="composer-bar">
        <select
          aria-label="Message format"
          value={format}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isDraftFormat(next)) composer.setFormat(next);
          }}
        >
          {DRAFT_FORMATS.map((f) => (
            <option key={f.format} value={f.format}>
              {f.label}
            </option>
          ))}
        </select>
        {format === 'json' && (
          <>
            <button type="button" disabled={!check.ok} onClick={() => composer.layoutJson(true)}>
              Pretty
            </button>
            <button type="button" disabled={!check.ok} onClick={() => composer.layoutJson(false)}>
              Compact
            </button>
          </>
        )}
        {saved && (
          <button
            type="button"
            class="saved-toggle"
            aria-expanded={showSaved}
            onClick={() => setShowSaved(!showSaved)}
          >
            Saved ({saved.shown.value.length.toLocaleString('en-US')})
          </button>
        )}
      </div>
      {showSaved && <SavedMessages socket={socket} onClose={() => setShowSaved(false)} />}
      <textarea
        class="composer-body"
        aria-label="Message to send or inject"
        aria-invalid={error !== null}
        aria-describedby={checkId}
        spellcheck={false}
        rows={3}
        value={body}
        placeholder={PLACEHOLDERS[format]}
        onInput={(e) => composer.edit(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-actions">
        <button
          type="button"
          disabled={!check.ok || !open}
          onClick={() => submit('send')}
          title="Calls the socket's real send(): the server receives it (Ctrl+Enter)"
        >
          Send as page
        </button>
        <button
          type="button"
          disabled={!check.ok || !open}
          onClick={() => submit('receive')}
          title="The page's handlers get it as a message from the server; the server sees nothing (Ctrl+Shift+Enter)"
        >
          Inject as received
        </button>
        {saved && (
          <button
            type="button"
            ref={saveButton}
            disabled={!check.ok}
            aria-expanded={saving}
            onClick={() => setSaving(!saving)}
          >
            Save…
          </button>
        )}
        {/* What the draft is (or what is wrong with it), beside the buttons it enables. */}
        <span
          id={checkId}
          class={error ? 'composer-check error-text' : 'composer-check muted'}
          aria-live="polite"
        >
          {check.ok ? `${formatBytes(check.bytes)} of ${check.message.kind}.` : check.error}
          {composer.note.value && <span class="muted"> {composer.note.value}</span>}
        </span>
        {!open ? (
          <span class="muted" data-testid="composer-closed">
            This socket is {socket.state}: select an open one to send or inject.
          </span>
        ) : (
          composer.done.value && (
            <span class="muted" role="status">
              {composer.done.value}
            </span>
          )
        )}
      </div>
      {saving && saved && (
        <SaveForm
          draft={composer.draft.value}
          onDone={() => {
            closeSaveForm();
            setShowSaved(true);
          }}
          onCancel={closeSaveForm}
        />
      )}
      <p class="composer-limits muted">
        <strong>Send as page</strong> calls the socket's real <code>send()</code>: the server receives it; the
        page's own code sees no call. <strong>Inject as received</strong> hands the page's handlers a{' '}
        <code>message</code> event, in order with the server's; the server sees nothing, and the event's{' '}
        <code>isTrusted</code> is <code>false</code>, so a page that checks can tell. Both are logged{' '}
        <em>by tester</em> and counted apart from the page's own messages.
      </p>
    </section>
  );
}
