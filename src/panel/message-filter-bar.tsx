import { useState } from 'preact/hooks';
import type { SocketDecoding } from '../log/app-protocols/socket-decoding';
import type { MessageFilter, MessageFilterResult } from '../log/message-filter';
import { extraFiltersSet } from '../log/message-filter';
import type { SocketRecord } from '../log/socket-record';
import { DecodeAsSelect } from './decode-as-select';
import { DecodedFilter } from './decoded-filter';
import { useModel } from './model/model-context';

const n = (count: number) => count.toLocaleString('en-US');

/**
 * The message log's filters, above its rows: a decoded socket's type or event name, text or
 * /regex/ (inverted if asked), "Decode as", direction, text or binary, size, heartbeats collapsed,
 * and the user's hide rules. It always says how many messages are hidden, and why. A short panel
 * (DevTools docked below the page) folds all but the searches behind a "Filters" button that
 * counts the filters set, so that rows stay in view.
 */
export function MessageFilterBar({
  result,
  total,
  socket,
  decoding,
}: {
  result: MessageFilterResult | null;
  total: number;
  socket: SocketRecord;
  decoding: SocketDecoding | null;
}) {
  const model = useModel();
  const filter = model.logFilter.value;
  const rules = model.prefs.value.hideRules;
  const set = (change: Partial<MessageFilter>) => model.setLogFilter(change);
  const [unfolded, setUnfolded] = useState(false);
  const extras = extraFiltersSet(filter, rules);
  return (
    <div class="message-filters" role="search" aria-label="Message filters">
      {decoding && <DecodedFilter decoding={decoding} />}
      <input
        type="search"
        class="mf-text"
        placeholder="Filter: text or /regex/i"
        aria-label="Filter messages by text or /regex/"
        value={filter.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <label title="Show the messages the filter does not match">
        <input
          type="checkbox"
          checked={filter.invert}
          onChange={(e) => set({ invert: e.currentTarget.checked })}
        />{' '}
        Invert
      </label>
      <button
        type="button"
        class="mf-fold"
        aria-expanded={unfolded}
        aria-controls="mf-extras"
        title="Decode as, direction, kind, size, heartbeats and hide rules"
        onClick={() => setUnfolded(!unfolded)}
      >
        Filters{extras > 0 ? ` (${extras})` : ''} {unfolded ? '▴' : '▾'}
      </button>
      <span class="mf-extras" id="mf-extras" data-unfolded={unfolded ? '' : undefined}>
        <DecodeAsSelect socket={socket} />
        <select
          aria-label="Direction"
          value={filter.dir}
          onChange={(e) => set({ dir: e.currentTarget.value as MessageFilter['dir'] })}
        >
          <option value="all">↑↓ Both</option>
          <option value="sent">↑ Sent</option>
          <option value="received">↓ Received</option>
        </select>
        <select
          aria-label="Text or binary"
          value={filter.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as MessageFilter['kind'] })}
        >
          <option value="all">Text and binary</option>
          <option value="text">Text</option>
          <option value="binary">Binary</option>
        </select>
        <input
          type="search"
          class="mf-size"
          placeholder="Bytes: 10-500"
          aria-label="Filter by size in bytes"
          value={filter.size}
          onInput={(e) => set({ size: e.currentTarget.value })}
        />
        <label title='Socket.IO 2/3, {"type":"ping"}-like messages, and identical small messages at a steady interval'>
          <input
            type="checkbox"
            checked={filter.hideHeartbeats}
            onChange={(e) => set({ hideHeartbeats: e.currentTarget.checked })}
          />{' '}
          Hide heartbeats
        </label>
        <button
          type="button"
          disabled={filter.text.trim() === '' || filter.invert}
          title="Hide the messages this filter matches from now on, in every panel"
          onClick={() => {
            model.addHideRule(filter.text);
            set({ text: '' });
          }}
        >
          Hide matches
        </button>
        {rules.map((rule) => (
          <span class="hide-rule" key={rule}>
            hiding {rule}
            <button
              type="button"
              class="link"
              aria-label={`Stop hiding ${rule}`}
              onClick={() => model.removeHideRule(rule)}
            >
              ✕
            </button>
          </span>
        ))}
      </span>
      {result && (
        <span class="mf-count muted" data-testid="hidden-count">
          {n(result.ordinals.length)} of {n(total)} shown
          {hiddenText(result.hidden)}
        </span>
      )}
      {result?.errors.map((e) => (
        <span key={e} class="error-text" role="alert">
          {e}
        </span>
      ))}
    </div>
  );
}

function hiddenText(h: MessageFilterResult['hidden']): string {
  const parts = [
    h.heartbeats > 0 ? `${n(h.heartbeats)} heartbeats` : '',
    h.rules > 0 ? `${n(h.rules)} by hide rules` : '',
    h.filters > 0 ? `${n(h.filters)} by filters` : '',
  ].filter(Boolean);
  return parts.length ? ` · hidden: ${parts.join(', ')}` : '';
}
