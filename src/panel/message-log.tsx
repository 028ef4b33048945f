import { InterceptBadge } from './intercept-mark';
import { useMemo, useRef } from 'preact/hooks';
import { intersectSorted, matchingDecoded } from '../log/app-protocols/decoded-filter';
import type { MessageRecord, SocketRecord } from '../log/socket-record';
import { droppedPreviews, messageCount } from '../log/socket-record';
import { filterMessages, isMessageFilterActive } from '../log/message-filter';
import { matchingOrdinals } from '../log/socket-filter';
import { DecodedCell } from './decoded-cell';
import { DecodingNote } from './decoding-note';
import { formatBytes, formatClock, formatDuration } from './format';
import { Highlight } from './highlight';
import { listKeyTarget } from './list-keys';
import { MessageDetail, TESTER_TITLE } from './message-detail';
import { MessageFilterBar } from './message-filter-bar';
import { useModel } from './model/model-context';
import { useVirtualRows } from './use-virtual-rows';

const ROW_HEIGHT = 20;

/**
 * The selected socket's messages: virtualised (100,000 rows cost a screenful of DOM), pinned to
 * the newest while scrolled to the end, filtered (the search, the log's own filters, heartbeats
 * and hide rules, a decoded type or event name) with the search's matches marked; each row says
 * what its protocol makes of it.
 */
export function MessageLog({ socket }: { socket: SocketRecord }) {
  const model = useModel();
  const search = model.filter.value.search;
  const decodedFilter = model.messageFilter.value.trim();
  const selectedSeq = model.selectedSeq.value;
  const onSelect = (seq: number | null) => model.selectMessage(seq);
  const scrollRef = useRef<HTMLDivElement>(null);
  const buffer = socket.messages;
  const decoded = model.protocols.selectedDecoding.value;
  const decoding = decoded?.socket.id === socket.id ? decoded.decoding : null;
  const needle = search.trim();
  const logFilter = model.logFilter.value;
  const hideRules = model.prefs.value.hideRules;
  // The log's own filters let through what they match (the search included); with only a
  // search, the matching previews; a decoded-type filter narrows either; with none, every one.
  const filtered = useMemo(
    () =>
      isMessageFilterActive(logFilter, hideRules)
        ? filterMessages(buffer, logFilter, hideRules, needle)
        : null,
    [buffer, logFilter, hideRules, needle],
  );
  const bySearch = filtered ? filtered.ordinals : needle ? matchingOrdinals(buffer, needle) : null;
  const byDecoded = decoding && decodedFilter ? matchingDecoded(decoding, buffer, decodedFilter) : null;
  const matching = bySearch && byDecoded ? intersectSorted(bySearch, byDecoded) : (bySearch ?? byDecoded);
  const count = matching ? matching.length : buffer.length;
  const ordinalAt = (i: number): number => (matching ? (matching[i] ?? -1) : buffer.dropped + i);
  const messageAt = (i: number): MessageRecord | undefined => buffer.atOrdinal(ordinalAt(i));
  const rows = useVirtualRows(count, ROW_HEIGHT, scrollRef, { followKey: (i) => messageAt(i)?.seq ?? -i });
  const selectedIndex = selectedSeq === null ? -1 : indexOfSeq(count, messageAt, selectedSeq);
  // Keys can come faster than renders: move from the selection the last key made.
  const latest = useRef(selectedSeq);
  latest.current = selectedSeq;
  const selected = selectedIndex >= 0 ? messageAt(selectedIndex) : null;
  const selectedDecoded =
    decoding && selected ? decoding.detail(ordinalAt(selectedIndex), buffer) : undefined;
  const dropped = droppedPreviews(socket);
  const since = socket.openedAt ?? socket.createdAt;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      latest.current = null;
      onSelect(null);
      return;
    }
    const current = latest.current === null ? -1 : indexOfSeq(count, messageAt, latest.current);
    const next = listKeyTarget(
      e.key,
      current,
      count,
      Math.floor((scrollRef.current?.clientHeight ?? 200) / ROW_HEIGHT),
    );
    const m = next === null ? undefined : messageAt(next);
    if (next === null || !m) return;
    e.preventDefault();
    latest.current = m.seq;
    onSelect(m.seq);
    rows.scrollToIndex(next);
  };

  return (
    <div class="messages">
      <div class="messages-list">
        {decoding && <DecodingNote decoding={decoding} />}
        {dropped > 0 && (
          <p class="note" data-testid="dropped-note">
            Showing the newest {buffer.length.toLocaleString('en-US')} of{' '}
            {messageCount(socket).toLocaleString('en-US')} messages: older previews were dropped to bound
            memory. Counts and bytes stay exact.
          </p>
        )}
        <MessageFilterBar result={filtered} total={buffer.length} socket={socket} decoding={decoding} />
        {matching && !filtered && (
          <p class="note" data-testid="match-note">
            {matching.length.toLocaleString('en-US')} of {buffer.length.toLocaleString('en-US')} messages
            {bySearch && ` contain “${needle}”`}
            {bySearch && byDecoded && ' and'}
            {byDecoded && ` decode to a type or event with “${decodedFilter}”`}
          </p>
        )}
        <div
          class="message-rows"
          ref={scrollRef}
          tabIndex={0}
          role="listbox"
          aria-label="Messages: arrow keys select"
          onKeyDown={onKeyDown}
        >
          <div style={{ height: `${rows.before}px` }} />
          {rows.items.map((v) => {
            const m = messageAt(v.index);
            if (!m) return null;
            return (
              <div
                key={m.seq}
                role="option"
                aria-selected={m.seq === selectedSeq}
                class={`message-row ${m.dir}${m.tester ? ' tester' : ''}${m.intercept ? ' intercepted' : ''}${m.seq === selectedSeq ? ' selected' : ''}`}
                data-seq={m.seq}
                onClick={() => onSelect(m.seq)}
              >
                <span class="dir" title={m.dir}>
                  {m.dir === 'sent' ? '↑' : '↓'}
                </span>
                <span class="m-time">{formatClock(m.t)}</span>
                <span class="m-since">+{formatDuration(m.t - since)}</span>
                <span class="m-size">{formatBytes(m.size)}</span>
                <span class="m-kind">{m.kind === 'text' ? 'text' : m.jsType}</span>
                {m.tester && (
                  <span class="m-tester" title={TESTER_TITLE[m.dir]}>
                    ⚑ tester
                  </span>
                )}
                {m.intercept && <InterceptBadge mark={m.intercept} />}
                {decoding && <DecodedCell decoded={decoding.row(ordinalAt(v.index))} />}
                <span class="m-preview">{preview(m, needle)}</span>
              </div>
            );
          })}
          <div style={{ height: `${rows.after}px` }} />
          {count === 0 && (
            <p class="empty">{matching ? 'No message matches the filters.' : 'No messages.'}</p>
          )}
        </div>
      </div>
      {selected && (
        <MessageDetail
          message={selected}
          since={since}
          decoded={
            selectedDecoded && decoding ? { protocol: decoding.protocol, decoded: selectedDecoded } : null
          }
        />
      )}
    </div>
  );
}

/** Rows are in sequence order, so a binary search finds one by its seq. */
function indexOfSeq(count: number, at: (i: number) => MessageRecord | undefined, seq: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = at(mid)?.seq ?? Infinity;
    if (s === seq) return mid;
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function preview(m: MessageRecord, needle: string) {
  if (m.preview === null) return <span class="muted">(binary, no preview)</span>;
  const text = m.kind === 'binary' ? m.preview.replace(/(..)/g, '$1 ').trim() : m.preview;
  return <Highlight text={text} needle={m.kind === 'binary' ? '' : needle} />;
}
