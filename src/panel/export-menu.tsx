import { useEffect, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS } from '../export/export-file';
import type { ExportFormat } from '../export/export-file';

export type ExportScope = 'all' | 'filtered';

interface Props {
  total: number;
  /** Sockets the filters show; null while no filter is active. */
  filtered: number | null;
  onExport(format: ExportFormat, scope: ExportScope): void;
}

/**
 * "Export JSON" (the whole close log, one click) and a menu of every format, for all sockets or
 * only those the filters show.
 */
export function ExportMenu({ total, filtered, onExport }: Props) {
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<ExportScope>('all');
  const root = useRef<HTMLDivElement>(null);
  const effectiveScope = filtered === null ? 'all' : scope;
  const count = effectiveScope === 'all' ? total : filtered!;

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div class="export" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        onClick={() => onExport('json', 'all')}
        disabled={total === 0}
        title="Download the close log of every socket as JSON"
      >
        Export JSON
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
        <div class="menu" role="menu" aria-label="Export">
          <div class="menu-scope" role="radiogroup" aria-label="Sockets to export">
            <label>
              <input
                type="radio"
                name="export-scope"
                checked={effectiveScope === 'all'}
                onChange={() => setScope('all')}
              />{' '}
              All sockets ({total})
            </label>
            <label
              class={filtered === null ? 'muted' : ''}
              title={filtered === null ? 'No filter is active' : undefined}
            >
              <input
                type="radio"
                name="export-scope"
                checked={effectiveScope === 'filtered'}
                disabled={filtered === null}
                onChange={() => setScope('filtered')}
              />{' '}
              Filtered ({filtered ?? 'no filter'})
            </label>
          </div>
          {EXPORT_FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              disabled={count === 0}
              onClick={() => {
                setOpen(false);
                onExport(format, effectiveScope);
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
