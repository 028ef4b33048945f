import { useRef } from 'preact/hooks';
import type { CloseExplanation } from '../close-codes/types';
import type { Navigation } from '../log/log-store';
import type { SocketRecord } from '../log/socket-record';
import { lifetime } from '../log/socket-view';
import { CloseCodeCell, closeTone } from './close-cell';
import { formatBytes, formatClock, formatDuration } from './format';
import { listKeyTarget } from './list-keys';
import { useVirtualRows } from './use-virtual-rows';

export interface SocketRow {
  socket: SocketRecord;
  x: CloseExplanation | null;
  /** Retained previews matching the search, when one is active. */
  matches: number | null;
}

export type TableItem = { kind: 'socket'; row: SocketRow } | { kind: 'navigation'; nav: Navigation };

interface Props {
  items: TableItem[];
  selectedId: string | null;
  onSelect(id: string | null): void;
  /** Enter on a row: show its messages. */
  onOpen(id: string): void;
  now: number;
  emptyText: string;
}

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 23;

/** Fixed widths where the content is short; URL and reason share the rest with the explanation. */
const COLUMNS: [string, string | undefined, string?][] = [
  ['URL', '20%'],
  ['State', '60px'],
  ['Opened', '96px'],
  ['Duration', '68px', 'num'],
  ['Sent', '76px', 'num'],
  ['Received', '76px', 'num'],
  ['Code', '132px'],
  ['Name', '132px'],
  ['Reason', '10%'],
  ['Clean', '50px'],
  ['By', '66px'],
  ['Explanation', undefined],
];
const TITLES: Record<string, string> = {
  Sent: 'Messages and bytes sent by the page',
  Received: 'Messages and bytes received by the page',
  Clean: 'wasClean: the closing handshake completed',
  By: 'Who ended the connection',
};

/** The socket list: virtualised, so thousands of sockets cost only the visible rows. */
export function SocketTable({ items, selectedId, onSelect, onOpen, now, emptyText }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useVirtualRows(items.length, ROW_HEIGHT, scrollRef, { offset: HEADER_HEIGHT });
  const socketIndexes = items.flatMap((item, i) => (item.kind === 'socket' ? [i] : []));
  // Keys can come faster than renders: move from the selection the last key made.
  const latest = useRef(selectedId);
  latest.current = selectedId;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && latest.current) {
      e.preventDefault();
      onOpen(latest.current);
      return;
    }
    if (e.key === 'Escape') return onSelect((latest.current = null));
    const selectedIndex = items.findIndex(
      (item) => item.kind === 'socket' && item.row.socket.id === latest.current,
    );
    const at = socketIndexes.indexOf(selectedIndex);
    const next = listKeyTarget(
      e.key,
      at,
      socketIndexes.length,
      Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT),
    );
    if (next === null) return;
    e.preventDefault();
    const index = socketIndexes[next]!;
    const item = items[index]!;
    if (item.kind === 'socket') onSelect((latest.current = item.row.socket.id));
    rows.scrollToIndex(index);
  };

  return (
    <div
      class="table-wrap"
      ref={scrollRef}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="WebSockets: arrow keys select, Enter shows messages"
    >
      <table class="sockets" role="grid" aria-rowcount={items.length + 1}>
        <colgroup>
          {COLUMNS.map(([, width], i) => (
            <col key={i} style={width ? { width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(([name, , cls]) => (
              <th key={name} class={cls} title={TITLES[name]}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.before > 0 && <tr class="spacer" style={{ height: `${rows.before}px` }} aria-hidden="true" />}
          {rows.items.map((v) => {
            const item = items[v.index]!;
            return item.kind === 'navigation' ? (
              <tr key={`nav-${item.nav.at}`} class="navigation" aria-rowindex={v.index + 2}>
                <td colSpan={COLUMNS.length} title={item.nav.url}>
                  Navigated to {item.nav.url} at {formatClock(item.nav.at)}
                </td>
              </tr>
            ) : (
              <SocketRowView
                key={item.row.socket.id}
                row={item.row}
                index={v.index}
                selected={item.row.socket.id === selectedId}
                onSelect={onSelect}
                now={now}
              />
            );
          })}
          {rows.after > 0 && <tr class="spacer" style={{ height: `${rows.after}px` }} aria-hidden="true" />}
        </tbody>
      </table>
      {items.length === 0 && <p class="empty">{emptyText}</p>}
    </div>
  );
}

function SocketRowView({
  row,
  index,
  selected,
  onSelect,
  now,
}: {
  row: SocketRow;
  index: number;
  selected: boolean;
  onSelect(id: string): void;
  now: number;
}) {
  const { socket: s, x, matches } = row;
  return (
    <tr
      data-socket-id={s.id}
      class={`tone-${closeTone(x)}${selected ? ' selected' : ''}`}
      aria-selected={selected}
      aria-rowindex={index + 2}
      onClick={() => onSelect(s.id)}
    >
      <td data-col="url" title={s.url}>
        {s.frameId !== 0 && (
          <span class="frame-tag" title={`In a subframe: ${s.frameUrl}`}>
            iframe
          </span>
        )}
        {matches !== null && <span class="match-count">{matches}</span>}
        {s.url}
      </td>
      <td data-col="state">{s.state}</td>
      <td data-col="opened">
        {s.openedAt === null ? <span class="muted">never</span> : formatClock(s.openedAt)}
      </td>
      <td class="num" data-col="duration">
        {formatDuration(lifetime(s, now))}
      </td>
      <td class="num" data-col="sent">
        {traffic(s.sent)}
      </td>
      <td class="num" data-col="received">
        {traffic(s.received)}
      </td>
      <td data-col="code">
        <CloseCodeCell x={x} />
      </td>
      <td data-col="name">{x?.info.name ?? ''}</td>
      <td data-col="reason" title={s.close?.reason}>
        {s.close?.reason ?? ''}
      </td>
      <td data-col="clean">{s.close ? (s.close.wasClean ? 'yes' : 'no') : ''}</td>
      <td data-col="initiator">{x?.initiator ?? ''}</td>
      <td data-col="explanation" title={x?.headline}>
        {x?.headline ?? ''}
      </td>
    </tr>
  );
}

function traffic(t: { messages: number; bytes: number }): string {
  return `${t.messages} / ${formatBytes(t.bytes)}`;
}
