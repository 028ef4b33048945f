import { useState } from 'preact/hooks';

/** Levels open at first; deeper objects start collapsed. */
const OPEN_DEPTH = 2;

/** A parsed JSON value as a collapsible tree; keys and strings render as text. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div class="json" role="tree">
      <Node name={null} value={value} depth={0} />
    </div>
  );
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const label = name === null ? null : <span class="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div class="json-leaf" role="treeitem">
        {label}
        <span class={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const [openMark, closeMark] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <div role="treeitem" aria-expanded={open}>
      <button
        type="button"
        class="json-toggle"
        onClick={() => setOpen(!open)}
        aria-label={open ? 'Collapse' : 'Expand'}
      >
        {open ? '▾' : '▸'}
      </button>
      {label}
      {openMark}
      {!open && (
        <span class="muted">
          {' '}
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'} {closeMark}
        </span>
      )}
      {open && (
        <>
          <div class="json-children" role="group">
            {entries.map(([k, v]) => (
              <Node key={k} name={k} value={v} depth={depth + 1} />
            ))}
          </div>
          {closeMark}
        </>
      )}
    </div>
  );
}
