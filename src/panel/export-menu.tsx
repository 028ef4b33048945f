import { useCallback, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS } from '../export/export-file';
import type { ExportFormat } from '../export/export-file';
import { isFilterActive } from '../log/socket-filter';
import { downloadText } from './download';
import { useModel } from './model/model-context';
import type { ExportScope } from './model/panel-model';
import { useAnchoredMenu } from './use-anchored-menu';
import { useDismiss } from './use-dismiss';

/**
 * "Export JSON" (the whole close log, one click) and a menu of every format, for all sockets,
 * those the filters show, the selected one, or its connection history.
 */
export function ExportMenu() {
  const model = useModel();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<ExportScope>('all');
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const place = useAnchoredMenu(root, menu, open);
  useDismiss(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );
  const total = model.log.value.sockets.size;
  const includeSecrets = model.includeSecrets.value;
  const filtered = isFilterActive(model.filter.value) ? model.visible.value.slots.length : null;
  const selected = model.selected.value;
  const choices: { scope: ExportScope; label: string; count: number | null; why?: string }[] = [
    { scope: 'all', label: 'All sockets', count: total },
    { scope: 'filtered', label: 'Filtered', count: filtered, why: 'No filter is active' },
    { scope: 'selected', label: 'Selected socket', count: selected ? 1 : null, why: 'No socket is selected' },
    {
      scope: 'connection',
      label: 'Its connection history',
      // Counted only while the menu is open: it walks every socket.
      count: selected && open ? model.socketsIn('connection').length : null,
      why: 'Every socket to the selected socket’s endpoint; no socket is selected',
    },
  ];
  const effectiveScope = choices.find((c) => c.scope === scope)?.count == null ? 'all' : scope;
  const count = choices.find((c) => c.scope === effectiveScope)?.count ?? total;
  const save = (format: ExportFormat, s: ExportScope) => {
    const file = model.exportAs(format, s, new Date());
    downloadText(file.name, file.mime, file.text);
  };

  return (
    <div class="export" ref={root}>
      <button
        type="button"
        onClick={() => save('json', 'all')}
        disabled={total === 0}
        title={`Download the close log of every socket as JSON${includeSecrets ? ', secrets included' : ', secrets redacted'}`}
      >
        Export JSON
        {includeSecrets && <span class="secrets-warning"> ⚠</span>}
      </button>
      <button
        type="button"
        class="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More exports"
        title="More export formats"
        onClick={() => setOpen(!open)}
        disabled={total === 0}
      >
        ▾
      </button>
      {open && (
        <div class="menu" role="menu" aria-label="Export" ref={menu} style={place}>
          <div class="menu-scope" role="radiogroup" aria-label="Sockets to export">
            {choices.map((c) => (
              <label
                key={c.scope}
                class={c.count === null ? 'muted' : ''}
                title={c.count === null ? c.why : undefined}
              >
                <input
                  type="radio"
                  name="export-scope"
                  checked={effectiveScope === c.scope}
                  disabled={c.count === null}
                  onChange={() => setScope(c.scope)}
                />{' '}
                {c.label} ({c.count ?? '–'})
              </label>
            ))}
          </div>
          <label
            class="menu-secrets"
            title="URL parameters such as ?token= and JWT or Bearer values in previews are replaced by [redacted] unless you include them; the file says which it is"
          >
            <input
              type="checkbox"
              checked={includeSecrets}
              onChange={(e) => (model.includeSecrets.value = e.currentTarget.checked)}
            />{' '}
            Include secrets (tokens, JWTs)
          </label>
          {EXPORT_FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              disabled={count === 0}
              onClick={() => {
                setOpen(false);
                save(format, effectiveScope);
              }}
            >
              {label}
              {includeSecrets && <span class="secrets-warning"> (includes secrets)</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
