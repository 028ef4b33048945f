import { useEffect, useRef } from 'preact/hooks';
import { COLUMNS } from './model/columns';
import { useModel } from './model/model-context';
import { useDismiss } from './use-dismiss';

/**
 * Shows or hides any column of the socket list, as the Network panel's header menu does; the
 * choice is remembered. A column left on may still give way when the panel is too narrow.
 * `at`: where the header was right-clicked, in viewport pixels; null to open under the toolbar.
 */
export function ColumnChooser({ at, onClose }: { at: { x: number; y: number } | null; onClose(): void }) {
  const model = useModel();
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, true, onClose);
  useEffect(() => root.current?.querySelector('input')?.focus(), []);
  const choices = model.prefs.value.columns;
  return (
    <div
      class="dialog column-chooser"
      role="dialog"
      aria-label="Columns"
      ref={root}
      style={at ? { position: 'fixed', left: `${at.x}px`, top: `${at.y}px`, right: 'auto' } : undefined}
    >
      {COLUMNS.map((c) => (
        <label key={c.id}>
          <input
            type="checkbox"
            checked={c.id === 'url' || choices[c.id] !== false}
            disabled={c.id === 'url'}
            onChange={(e) => model.setPrefs({ columns: { ...choices, [c.id]: e.currentTarget.checked } })}
          />{' '}
          {c.label}
        </label>
      ))}
      <p class="muted">Columns left on give way, last first, when the panel is too narrow for them.</p>
    </div>
  );
}
