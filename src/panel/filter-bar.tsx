import { isFilterActive, parseCodes } from '../log/socket-filter';
import type { SocketFilter } from '../log/socket-filter';
import { useModel } from './model/model-context';

const STATES: readonly SocketFilter['state'][] = ['all', 'connecting', 'open', 'closing', 'closed'];
const isState = (v: string): v is SocketFilter['state'] => (STATES as readonly string[]).includes(v);

/** The second toolbar row: filters that hide, never remove, and a search in message previews. */
export function FilterBar() {
  const model = useModel();
  const filter = model.filter.value;
  const codes = parseCodes(filter.codes);
  const codesError = codes.ok ? null : codes.error;
  const total = model.log.value.sockets.size;
  return (
    <div class="toolbar filter-bar" role="search">
      <input
        type="search"
        class="filter-url"
        placeholder="Filter URL"
        aria-label="Filter by URL"
        value={filter.url}
        onInput={(e) => model.setFilter({ url: e.currentTarget.value })}
      />
      <select
        aria-label="Filter by state"
        value={filter.state}
        onChange={(e) => {
          const state = e.currentTarget.value;
          if (isState(state)) model.setFilter({ state });
        }}
      >
        <option value="all">All states</option>
        <option value="connecting">Connecting</option>
        <option value="open">Open</option>
        <option value="closing">Closing</option>
        <option value="closed">Closed</option>
      </select>
      <input
        type="search"
        class={codesError ? 'filter-codes invalid' : 'filter-codes'}
        placeholder="Codes: 1006, 4000-4999"
        aria-label="Filter by close code"
        aria-invalid={codesError !== null}
        title={codesError ?? 'Close codes or ranges, separated by commas'}
        value={filter.codes}
        onInput={(e) => model.setFilter({ codes: e.currentTarget.value })}
      />
      <label>
        <input
          type="checkbox"
          checked={filter.abnormalOnly}
          onChange={(e) => model.setFilter({ abnormalOnly: e.currentTarget.checked })}
        />{' '}
        Abnormal only
      </label>
      <input
        type="search"
        class="search"
        placeholder="Search messages"
        aria-label="Search in message previews"
        value={filter.search}
        onInput={(e) => model.setFilter({ search: e.currentTarget.value })}
      />
      {codesError && (
        <span class="error-text" role="alert">
          {codesError}
        </span>
      )}
      {isFilterActive(filter) && (
        <>
          <span class="muted" data-testid="filter-count">
            {model.visible.value.slots.length} of {total} shown
          </span>
          <button type="button" class="link" onClick={() => model.clearFilters()}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
}
