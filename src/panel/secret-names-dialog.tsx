import { useRef, useState } from 'preact/hooks';
import { DEFAULT_SECRET_NAMES, parseSecretNames } from '../export/redaction';
import { useModel } from './model/model-context';
import { useDismiss } from './use-dismiss';

/** The names whose values exports redact: URL parameters, and fields in JSON previews. */
export function SecretNamesDialog({ onClose }: { onClose(): void }) {
  const model = useModel();
  const current = model.prefs.value.secretNames ?? DEFAULT_SECRET_NAMES;
  const [text, setText] = useState(current.join(', '));
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, true, onClose);
  const names = parseSecretNames(text);
  return (
    <div class="dialog" role="dialog" aria-label="Secret names" ref={root}>
      <p>
        Exports and Copy summary replace the values of these URL parameters and fields with [redacted], and
        JWTs and Bearer values anywhere in previews, unless “Include secrets” is on in the export menu.
      </p>
      <label>
        Names, separated by commas or spaces
        <textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="dialog-buttons">
        <button type="button" onClick={() => setText(DEFAULT_SECRET_NAMES.join(', '))}>
          Reset
        </button>
        <button
          type="button"
          disabled={names.length === 0}
          onClick={() => {
            model.setPrefs({ secretNames: names });
            onClose();
          }}
        >
          Apply
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
