import { useState } from 'preact/hooks';
import type { ConnectionGroup } from '../log/reconnects';
import { explainCached } from '../log/socket-view';
import { CloseCodeCell } from './close-cell';
import { formatClock, formatDuration } from './format';
import { backoffText, gapsText, groupFlags, libraryText } from './group-text';
import { useModel } from './model/model-context';
import { UrlText } from './url-text';
import { useNow } from './use-now';

/** Rows drawn at most: a log of 200,000 sockets must not become a table of 200,000 rows. */
const MAX_GROUPS = 1000;
const MAX_ATTEMPTS = 500;

/** One row per endpoint: its history of attempts, the gaps between them and what they add up to. */
export function ConnectionsTable() {
  const model = useModel();
  const groups = model.groups.value;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (endpoint: string) => {
    const next = new Set(open);
    if (next.has(endpoint)) next.delete(endpoint);
    else next.add(endpoint);
    setOpen(next);
  };
  return (
    <div class="table-wrap" tabIndex={0} aria-label="Connections">
      <table class="sockets connections">
        <thead>
          <tr>
            <th class="c-endpoint">Endpoint</th>
            <th class="num c-count" title="Sockets to this endpoint">
              Sockets
            </th>
            <th class="num c-open">Open now</th>
            <th class="num c-count">Abnormal</th>
            <th class="c-gaps">Gaps before reconnecting</th>
            <th class="c-backoff">Backoff</th>
            <th class="c-flags">Flags</th>
          </tr>
        </thead>
        <tbody>
          {groups.slice(0, MAX_GROUPS).map((g) => (
            <GroupRows key={g.endpoint} g={g} expanded={open.has(g.endpoint)} onToggle={toggle} />
          ))}
        </tbody>
      </table>
      {groups.length > MAX_GROUPS && (
        <p class="note">
          Showing {MAX_GROUPS.toLocaleString('en-US')} of {groups.length.toLocaleString('en-US')} connections:
          filter by URL to see the others.
        </p>
      )}
      {groups.length === 0 && <p class="empty">No connections to show.</p>}
    </div>
  );
}

function backoffTitle(g: ConnectionGroup): string {
  const library = libraryText(g);
  const lines = [`Backoff of the latest outage: ${backoffText(g)}`];
  if (library) lines.push(library.text);
  if (library?.alsoFits.length) lines.push(`Also fits: ${library.alsoFits.join(', ')}`);
  return lines.join('\n');
}

function GroupRows({
  g,
  expanded,
  onToggle,
}: {
  g: ConnectionGroup;
  expanded: boolean;
  onToggle(endpoint: string): void;
}) {
  const model = useModel();
  const now = useNow();
  const flags = groupFlags(g);
  const library = libraryText(g);
  const abnormal = g.attempts.filter((s) => explainCached(s)?.abnormal).length;
  const selectedId = model.selectedId.value;
  const from = Math.max(0, g.attempts.length - MAX_ATTEMPTS);
  return (
    <>
      <tr
        class={`group${flags.length ? ' tone-abnormal' : ''}`}
        data-endpoint={g.endpoint}
        aria-expanded={expanded}
      >
        <td class="c-endpoint" title={g.endpoint}>
          <button
            type="button"
            class="json-toggle"
            onClick={() => onToggle(g.endpoint)}
            aria-label={expanded ? 'Hide attempts' : 'Show attempts'}
          >
            {expanded ? '▾' : '▸'}
          </button>
          <UrlText url={g.endpoint} />
        </td>
        <td class="num c-count" data-col="attempts">
          {g.attempts.length}
        </td>
        <td class="num c-open">{g.attempts.filter((s) => s.state !== 'closed').length}</td>
        <td class="num c-count">{abnormal}</td>
        <td class="c-gaps" data-col="gaps" title={gapsText(g, Infinity)}>
          {gapsText(g)}
        </td>
        <td class="c-backoff" data-col="backoff" title={backoffTitle(g)}>
          {g.parallel > 1 && g.gaps.length === 0 ? `parallel (up to ${g.parallel} at once)` : backoffText(g)}
          {library && (
            <div class="library-match muted" data-col="library">
              {library.text}
            </div>
          )}
        </td>
        <td class="c-flags" data-col="flags" title={flags.map((f) => `${f.label}: ${f.detail}`).join('\n')}>
          {flags.map((f) => (
            <span key={f.label} class="flag" title={f.detail}>
              {f.label === 'reconnect storm' ? '⚡ ' : '✕ '}
              {f.label}
            </span>
          ))}
          {g.neverCameBackVerdict.waiting && (
            <span class="muted" title={g.neverCameBackVerdict.text}>
              waiting for a retry
            </span>
          )}
        </td>
      </tr>
      {expanded && from > 0 && (
        <tr class="attempt">
          <td colSpan={7}>
            … {from.toLocaleString('en-US')} earlier attempts; the newest {MAX_ATTEMPTS} follow.
          </td>
        </tr>
      )}
      {expanded &&
        g.attempts.slice(from).map((s, k) => {
          const i = from + k;
          const gap = g.gapBefore[i];
          const x = explainCached(s);
          return (
            <tr
              key={s.id}
              class={`attempt${s.id === selectedId ? ' selected' : ''}`}
              data-socket-id={s.id}
              onClick={() => model.select(s.id)}
            >
              {/* One cell over every column: it reads the same whichever columns the width leaves. */}
              <td colSpan={7}>
                <span class="attempt-facts">
                  <span>
                    #{i + 1} created {formatClock(s.createdAt)}
                    {gap != null && (
                      <span class="muted"> · {formatDuration(gap)} after the previous close</span>
                    )}
                  </span>
                  <span>
                    {s.openedAt === null
                      ? 'never opened'
                      : `open ${formatDuration((s.closedAt ?? now) - s.openedAt)}`}
                  </span>
                  <span class="attempt-close">
                    <CloseCodeCell x={x} /> {x?.headline ?? s.state}
                  </span>
                </span>
              </td>
            </tr>
          );
        })}
    </>
  );
}
