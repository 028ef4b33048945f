import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppAwareExplanation } from '../log/app-protocols/app-explanation';
import type { SocketRecord } from '../log/socket-record';
import { lifetime } from '../log/socket-view';
import type { Detection } from '../protocols';
import { CloseCodeCell, closeTone } from './close-cell';
import { ColumnChooser } from './column-chooser';
import { formatBytes, formatClock, formatDuration } from './format';
import { listKeyTarget } from './list-keys';
import { COLUMNS, layoutColumns } from './model/columns';
import type { ColumnId, ColumnLayout } from './model/columns';
import { useModel } from './model/model-context';
import { useElementSize } from './use-element-size';
import { UrlText } from './url-text';
import { useNow } from './use-now';
import { useVirtualRows } from './use-virtual-rows';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 23;
const SPEC = new Map(COLUMNS.map((c) => [c.id, c]));

/**
 * The socket list: virtualised, so thousands of sockets cost only the visible rows; its columns
 * fit the panel's width, the close first, so a narrow docked panel still says how each socket
 * ended. Right-click the header to choose columns.
 */
export function SocketTable() {
  const model = useModel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(scrollRef, { width: 1200, height: 400 });
  const log = model.log.value;
  const items = model.items.value;
  const { matches } = model.visible.value;
  const selectedId = model.selectedId.value;
  const columns = layoutColumns(width, model.prefs.value.columns);
  const rows = useVirtualRows(items.length, ROW_HEIGHT, scrollRef, { offset: HEADER_HEIGHT });
  const now = useNow();
  const [chooserAt, setChooserAt] = useState<{ x: number; y: number } | null>(null);
  const closeChooser = useCallback(() => setChooserAt(null), []);
  // Keys can come faster than renders: move from the selection the last key made.
  const latest = useRef(selectedId);
  latest.current = selectedId;
  // Details opening below a narrow list shrink it, and the row just clicked went out of view: a
  // list that gets shorter keeps the selected row in view if it was. A row the user scrolled
  // away from stays where it is.
  const shownHeight = useRef(height);
  useLayoutEffect(() => {
    const before = shownHeight.current;
    shownHeight.current = height;
    const wrap = scrollRef.current;
    const slot = selectedId === null ? undefined : log.sockets.slotOf(selectedId);
    const index = slot === undefined ? -1 : items.indexOfSlot(slot);
    if (!wrap || index < 0 || height >= before) return;
    const top = HEADER_HEIGHT + index * ROW_HEIGHT;
    // Under the sticky header, above the old bottom edge.
    const wasInView = top >= wrap.scrollTop + HEADER_HEIGHT && top + ROW_HEIGHT <= wrap.scrollTop + before;
    if (wasInView) rows.scrollToIndex(index);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the height changes
  }, [height]);

  const onKeyDown = (e: KeyboardEvent) => {
    const current = latest.current;
    if (e.key === 'Enter' && current) {
      e.preventDefault();
      model.openMessages(current);
      return;
    }
    if (e.key === 'Escape') {
      latest.current = null;
      model.select(null);
      return;
    }
    const { slots } = model.visible.value;
    const slot = current === null ? undefined : log.sockets.slotOf(current);
    const at = slot === undefined ? -1 : slots.indexOf(slot);
    const page = Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT);
    const next = listKeyTarget(e.key, at, slots.length, page);
    if (next === null) return;
    e.preventDefault();
    const nextSlot = slots[next];
    const s = nextSlot === undefined ? undefined : log.sockets.get(nextSlot);
    if (!s || nextSlot === undefined) return;
    latest.current = s.id;
    model.select(s.id);
    rows.scrollToIndex(items.indexOfSlot(nextSlot));
  };

  const total = log.sockets.size;
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
          {columns.map((c) => (
            <col key={c.id} style={{ width: `${c.width}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr
            onContextMenu={(e) => {
              e.preventDefault();
              setChooserAt({ x: e.clientX, y: e.clientY });
            }}
            title="Right-click to choose columns"
          >
            {columns.map(({ id }) => {
              const spec = SPEC.get(id);
              return (
                <th key={id} class={spec?.numeric ? 'num' : undefined} title={spec?.title} data-col={id}>
                  {spec?.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.before > 0 && <tr class="spacer" style={{ height: `${rows.before}px` }} aria-hidden="true" />}
          {rows.items.map((v) => {
            const item = items.at(v.index);
            if (!item) return null;
            if (item.kind === 'navigation') {
              return (
                <tr key={`nav-${item.nav.at}`} class="navigation" aria-rowindex={v.index + 2}>
                  <td colSpan={columns.length} title={item.nav.url}>
                    Navigated to {item.nav.url} at {formatClock(item.nav.at)}
                  </td>
                </tr>
              );
            }
            const s = log.sockets.get(item.slot);
            return (
              s && (
                <SocketRow
                  key={s.id}
                  s={s}
                  matches={matches?.get(item.slot) ?? null}
                  columns={columns}
                  index={v.index}
                  selected={s.id === selectedId}
                  now={now}
                />
              )
            );
          })}
          {rows.after > 0 && <tr class="spacer" style={{ height: `${rows.after}px` }} aria-hidden="true" />}
        </tbody>
      </table>
      {items.length === 0 && (
        <p class="empty">
          {total === 0
            ? 'No WebSockets yet. Sockets this page opens appear here, including those opened before DevTools was.'
            : 'No socket matches the filters.'}
        </p>
      )}
      {chooserAt && <ColumnChooser at={chooserAt} onClose={closeChooser} />}
    </div>
  );
}

interface RowProps {
  s: SocketRecord;
  matches: number | null;
  columns: ColumnLayout[];
  index: number;
  selected: boolean;
  /** The clock, for a socket still alive (a closed one's duration ends at its close). */
  now: number;
}

/** One socket's row. */
function SocketRow({ s, matches, columns, index, selected, now }: RowProps) {
  const model = useModel();
  const x = model.protocols.explainRow(s);
  const detection = model.protocols.detections.value.of(s);
  return (
    <tr
      data-socket-id={s.id}
      data-state={s.state}
      class={`tone-${closeTone(x)}${selected ? ' selected' : ''}`}
      aria-selected={selected}
      aria-rowindex={index + 2}
      onClick={() => model.select(s.id)}
    >
      {columns.map(({ id }) => (
        <td
          key={id}
          data-col={id}
          class={SPEC.get(id)?.numeric ? 'num' : undefined}
          title={cellTitle(id, s, x, detection)}
        >
          {cell(id, s, x, detection, matches, now)}
        </td>
      ))}
    </tr>
  );
}

function cellTitle(
  id: ColumnId,
  s: SocketRecord,
  x: AppAwareExplanation | null,
  detection: Detection | null,
): string | undefined {
  if (id === 'url') return s.url;
  if (id === 'reason') return s.close?.reason;
  if (id === 'explanation') return x?.headline;
  if (id === 'name' && x?.protocolCode)
    return `${x.info.name}, as ${x.protocol?.name ?? ''} defines ${x.info.code}`;
  if (id === 'protocol' && detection) return `${detection.protocol.name}: ${detection.evidence}`;
  return undefined;
}

/** Short, like `iframe`: the column is narrow when DevTools is docked. */
const WORKER_TAGS = { dedicated: 'worker', shared: 'shared worker', service: 'service worker' } as const;

function cell(
  id: ColumnId,
  s: SocketRecord,
  x: AppAwareExplanation | null,
  detection: Detection | null,
  matches: number | null,
  now: number,
) {
  switch (id) {
    case 'url':
      return (
        <>
          {s.worker ? (
            <span class="frame-tag" title={`In a ${s.worker.kind} worker: ${s.worker.url}`}>
              {WORKER_TAGS[s.worker.kind]}
            </span>
          ) : (
            s.frameId !== 0 && (
              <span class="frame-tag" title={`In a subframe: ${s.frameUrl}`}>
                iframe
              </span>
            )
          )}
          {matches !== null && <span class="match-count">{matches}</span>}
          <UrlText url={s.url} />
        </>
      );
    case 'code':
      return <CloseCodeCell x={x} />;
    case 'name':
      return x?.info.name ?? '';
    case 'reason':
      return s.close?.reason ?? '';
    case 'clean':
      return s.close ? (s.close.wasClean ? 'yes' : 'no') : '';
    case 'initiator':
      return x?.initiator ?? '';
    case 'explanation':
      return x?.headline ?? '';
    case 'protocol':
      return detection && <ProtocolName detection={detection} />;
    case 'state':
      return s.state;
    case 'opened':
      return s.openedAt === null ? <span class="muted">never</span> : formatClock(s.openedAt);
    case 'duration':
      return formatDuration(lifetime(s, now));
    case 'sent':
      return traffic(s.sent);
    case 'received':
      return traffic(s.received);
  }
}

function ProtocolName({ detection }: { detection: Detection }) {
  return (
    <span class={detection.detectedBy === 'user' ? 'protocol-chosen' : undefined}>
      {detection.protocol.shortName}
    </span>
  );
}

function traffic(t: { messages: number; bytes: number }): string {
  return `${t.messages} / ${formatBytes(t.bytes)}`;
}
