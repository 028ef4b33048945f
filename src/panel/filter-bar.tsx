import type { SocketFilter } from '../log/socket-filter';
import { NO_FILTER, isFilterActive } from '../log/socket-filter';

interface Props {
  filter: SocketFilter;
  onChange(filter: SocketFilter): void;
  codesError: string | null;
  shown: number;
  total: number;
}

/** The second toolbar row: filters that hide, never remove, and a search in message previews. */
export function FilterBar({ filter, onChange, codesError, shown, total }: Props) {
  const set = <K extends keyof SocketFilter>(key: K, value: SocketFilter[K]) =>
    onChange({ ...filter, [key]: value });
  const active = isFilterActive(filter);
  return (
    <div class="toolbar filter-bar" role="search">
      <input
        type="search"
        placeholder="Filter URL"
        aria-label="Filter by URL"
        value={filter.url}
        onInput={(e) => set('url', e.currentTarget.value)}
      />
      <select
        aria-label="Filter by state"
        value={filter.state}
        onChange={(e) => set('state', e.currentTarget.value as SocketFilter['state'])}
      >
        <option value="all">All states</option>
        <option value="connecting">Connecting</option>
        <option value="open">Open</option>
        <option value="closing">Closing</option>
        <option value="closed">Closed</option>
      </select>
      <input
        type="search"
        class={codesError ? 'invalid' : ''}
        placeholder="Codes: 1006, 4000-4999"
        aria-label="Filter by close code"
        aria-invalid={codesError !== null}
        title={codesError ?? 'Close codes or ranges, separated by commas'}
        value={filter.codes}
        onInput={(e) => set('codes', e.currentTarget.value)}
      />
      <label>
        <input
          type="checkbox"
          checked={filter.abnormalOnly}
          onChange={(e) => set('abnormalOnly', e.currentTarget.checked)}
        />{' '}
        Abnormal only
      </label>
      <input
        type="search"
        class="search"
        placeholder="Search messages"
        aria-label="Search in message previews"
        value={filter.search}
        onInput={(e) => set('search', e.currentTarget.value)}
      />
      {codesError && (
        <span class="error-text" role="alert">
          {codesError}
        </span>
      )}
      {active && (
        <>
          <span class="muted" data-testid="filter-count">
            {shown} of {total} shown
          </span>
          <button type="button" class="link" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
}
