import { useState } from 'preact/hooks';
import type { CloseExplanation } from '../close-codes/types';
import type { ConnectionGroup } from '../log/reconnects';
import type { SocketRecord } from '../log/socket-record';
import { CloseCodeCell } from './close-cell';
import { formatClock, formatDuration } from './format';
import { backoffText, gapsText, groupFlags } from './group-text';

interface Props {
  groups: ConnectionGroup[];
  explain(s: SocketRecord): CloseExplanation | null;
  selectedId: string | null;
  onSelect(id: string): void;
  /** The panel's clock: now, or when an imported log was exported. */
  now: number;
}

/** One row per endpoint: its history of attempts, the gaps between them and what they add up to. */
export function ConnectionsTable({ groups, explain, selectedId, onSelect, now }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (endpoint: string) => {
    const next = new Set(open);
    if (next.has(endpoint)) next.delete(endpoint);
    else next.add(endpoint);
    setOpen(next);
  };
  return (
    <div class="table-wrap" tabIndex={0} aria-label="Connections">
      <table class="sockets connections">
        <colgroup>
          <col style={{ width: '30%' }} />
          <col style={{ width: '74px' }} />
          <col style={{ width: '84px' }} />
          <col style={{ width: '80px' }} />
          <col style={{ width: '22%' }} />
          <col style={{ width: '190px' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>Endpoint</th>
            <th class="num" title="Sockets to this endpoint">
              Sockets
            </th>
            <th class="num">Open now</th>
            <th class="num">Abnormal</th>
            <th>Gaps before reconnecting</th>
            <th>Backoff</th>
            <th>Flags</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const expanded = open.has(g.endpoint);
            const flags = groupFlags(g);
            const abnormal = g.attempts.filter((s) => explain(s)?.abnormal).length;
            return [
              <tr
                key={g.endpoint}
                class={`group${flags.length ? ' tone-abnormal' : ''}`}
                data-endpoint={g.endpoint}
                aria-expanded={expanded}
              >
                <td>
                  <button
                    type="button"
                    class="json-toggle"
                    onClick={() => toggle(g.endpoint)}
                    aria-label={expanded ? 'Hide attempts' : 'Show attempts'}
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                  {g.endpoint}
                </td>
                <td class="num" data-col="attempts">
                  {g.attempts.length}
                </td>
                <td class="num">{g.attempts.filter((s) => s.state !== 'closed').length}</td>
                <td class="num">{abnormal}</td>
                <td data-col="gaps" title={gapsText(g, Infinity)}>
                  {gapsText(g)}
                </td>
                <td data-col="backoff">
                  {g.parallel > 1 && g.gaps.length === 0
                    ? `parallel (up to ${g.parallel} at once)`
                    : backoffText(g)}
                </td>
                <td data-col="flags" title={flags.map((f) => `${f.label}: ${f.detail}`).join('\n')}>
                  {flags.map((f) => (
                    <span key={f.label} class="flag">
                      {f.label === 'reconnect storm' ? '⚡ ' : '✕ '}
                      {f.label}
                    </span>
                  ))}
                </td>
              </tr>,
              ...(expanded
                ? g.attempts.map((s, i) => (
                    <tr
                      key={s.id}
                      class={`attempt${s.id === selectedId ? ' selected' : ''}`}
                      data-socket-id={s.id}
                      onClick={() => onSelect(s.id)}
                    >
                      <td>
                        #{i + 1} created {formatClock(s.createdAt)}
                        {g.gapBefore[i] !== null && (
                          <span class="muted">
                            {' '}
                            · {formatDuration(g.gapBefore[i]!)} after the previous close
                          </span>
                        )}
                      </td>
                      <td colSpan={3}>
                        {s.openedAt === null
                          ? 'never opened'
                          : `open ${formatDuration((s.closedAt ?? now) - s.openedAt)}`}
                      </td>
                      <td colSpan={3}>
                        <CloseCodeCell x={explain(s)} /> {explain(s)?.headline ?? s.state}
                      </td>
                    </tr>
                  ))
                : []),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
