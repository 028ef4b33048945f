import type { CloseExplanation } from '../close-codes/types';
import type { SocketRecord } from '../log/socket-record';
import { CloseCodeCell, closeTone } from './close-cell';
import { formatBytes, formatClock, formatDuration } from './format';
import { lifetime } from '../log/socket-view';

export interface SocketRow {
  socket: SocketRecord;
  x: CloseExplanation | null;
}

interface Props {
  rows: SocketRow[];
  selectedId: string | null;
  onSelect(id: string): void;
  now: number;
}

/** Fixed widths where the content is short; URL and reason share the rest with the explanation. */
const COLUMN_WIDTHS = ['20%', '60px', '96px', '68px', '76px', '76px', '132px', '132px', '10%', '50px', '66px', undefined];

const INITIATOR_LABEL = { page: 'page', server: 'server', browser: 'browser', network: 'network' } as const;

export function SocketTable({ rows, selectedId, onSelect, now }: Props) {
  const move = (e: KeyboardEvent) => {
    const i = rows.findIndex((r) => r.socket.id === selectedId);
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    const row = rows[Math.min(Math.max(next, 0), rows.length - 1)];
    if (row) onSelect(row.socket.id);
  };
  return (
    <div class="table-wrap" tabIndex={0} onKeyDown={move} aria-label="WebSockets">
      <table class="sockets">
        <colgroup>
          {COLUMN_WIDTHS.map((width, i) => (
            <col key={i} style={width ? { width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>URL</th>
            <th>State</th>
            <th>Opened</th>
            <th class="num">Duration</th>
            <th class="num" title="Messages and bytes sent by the page">Sent</th>
            <th class="num" title="Messages and bytes received by the page">Received</th>
            <th>Code</th>
            <th>Name</th>
            <th>Reason</th>
            <th title="wasClean: the closing handshake completed">Clean</th>
            <th title="Who ended the connection">By</th>
            <th>Explanation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ socket: s, x }) => (
            <tr
              key={s.id}
              data-socket-id={s.id}
              class={`tone-${closeTone(x)}${s.id === selectedId ? ' selected' : ''}`}
              aria-selected={s.id === selectedId}
              onClick={() => onSelect(s.id)}
            >
              <td data-col="url" title={s.url}>
                {s.url}
                {s.frameId !== 0 && (
                  <span class="frame-tag" title={`In a subframe: ${s.frameUrl}`}>
                    iframe
                  </span>
                )}
              </td>
              <td data-col="state">{s.state}</td>
              <td data-col="opened">{s.openedAt === null ? <span class="muted">never</span> : formatClock(s.openedAt)}</td>
              <td class="num" data-col="duration">{formatDuration(lifetime(s, now))}</td>
              <td class="num" data-col="sent">{traffic(s.sent)}</td>
              <td class="num" data-col="received">{traffic(s.received)}</td>
              <td data-col="code"><CloseCodeCell x={x} /></td>
              <td data-col="name">{x?.info.name ?? ''}</td>
              <td data-col="reason" title={s.close?.reason}>{s.close?.reason ?? ''}</td>
              <td data-col="clean">{s.close ? (s.close.wasClean ? 'yes' : 'no') : ''}</td>
              <td data-col="initiator">{x ? INITIATOR_LABEL[x.initiator] : ''}</td>
              <td data-col="explanation" title={x?.headline}>{x?.headline ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="empty">No WebSockets yet. Sockets this page opens appear here, including those opened before DevTools was.</p>}
    </div>
  );
}

function traffic(t: { messages: number; bytes: number }): string {
  return `${t.messages} / ${formatBytes(t.bytes)}`;
}
