import { describe, expect, it } from 'vitest';
import { LogStore } from '../../../src/log/log-store';
import { recordedHistory } from '../page/recorded-history';
import { droppedPreviews } from '../../../src/log/socket-record';
import type { MessageRecord } from '../../../src/log/socket-record';
import { batch, ev, snapshot } from '../event-builders';

const store = (perSocket = 100) => new LogStore({ perSocket, total: 1_000_000, totalChars: 1e9 });
const previews = (s: { messages: Iterable<MessageRecord> }) => [...s.messages].map((m) => m.preview);

describe('LogStore', () => {
  it('folds live events into exact per-socket summaries', () => {
    const s = store();
    s.apply({
      type: 'events',
      frameId: 0,
      batch: batch('d', [
        ev.created(1, 1),
        ev.open(1, 2),
        ev.message(1, 3, 'abc', 'sent'),
        ev.message(1, 4, 'x'),
        ev.closed(1, 5, 4000),
      ]),
    });
    const socket = s.sockets.get('d:1')!;
    expect(socket).toMatchObject({
      state: 'closed',
      sent: { messages: 1, bytes: 3 },
      received: { messages: 1, bytes: 1 },
      close: { code: 4000 },
      frameId: 0,
    });
    expect(previews(socket)).toEqual(['abc', 'x']);
  });

  it('ignores re-delivered events', () => {
    const s = store();
    const b = batch('d', [ev.created(1, 1), ev.message(1, 2)]);
    s.applyBatch(b, 0);
    s.applyBatch(b, 0);
    expect(s.sockets.get('d:1')!.received.messages).toBe(1);
  });

  it('caps previews per socket while counts stay exact', () => {
    const s = store(10);
    const events = [
      ev.created(1, 1),
      ...Array.from({ length: 50 }, (_, i) => ev.message(1, i + 2, String(i))),
    ];
    s.applyBatch(batch('d', events), 0);
    const socket = s.sockets.get('d:1')!;
    expect(socket.received.messages).toBe(50);
    expect(socket.messages.length).toBe(10);
    expect(socket.messages.last()!.preview).toBe('49');
    expect(droppedPreviews(socket)).toBe(50 - socket.messages.length);
  });

  it('merges a snapshot from the page history with what it already holds', () => {
    const events = [
      ev.created(1, 1),
      ev.message(1, 2, 'a'),
      ev.message(1, 3, 'b'),
      ev.message(1, 4, 'c'),
      ev.closed(1, 5),
    ];
    const history = recordedHistory('d', events, { maxSockets: 10, maxMessages: 2 });
    const s = store();
    s.applyBatch(batch('d', events.slice(0, 3)), 0); // the panel saw the first three live
    s.applySnapshot(snapshot('d', history.lastSeq, history.summaries(), history.messages()), 0);
    const socket = s.sockets.get('d:1')!;
    expect(socket.state).toBe('closed');
    expect(socket.received.messages).toBe(3);
    expect(previews(socket)).toEqual(['a', 'b', 'c']);
  });

  it('learns of sockets created before it subscribed only from the snapshot', () => {
    const s = store();
    const history = recordedHistory('d', [ev.created(7, 1), ev.open(7, 2), ev.message(7, 3)]);
    s.applyBatch(batch('d', [ev.message(7, 3)]), 3); // live, but its socket is not known yet
    expect(s.sockets.size).toBe(0);
    s.applySnapshot(snapshot('d', history.lastSeq, history.summaries(), history.messages()), 3);
    expect(s.sockets.get('d:7')).toMatchObject({ state: 'open', frameId: 3, received: { messages: 1 } });
    expect(s.sockets.get('d:7')!.messages).toHaveLength(1);
  });

  it('starts afresh on navigation and keeps late events of the old document out', () => {
    const s = store();
    s.apply({ type: 'events', frameId: 0, batch: batch('old', [ev.created(1, 1)]) });
    s.apply({ type: 'navigated', url: 'https://page.test/next', at: 5 });
    s.apply({ type: 'events', frameId: 0, batch: batch('old', [ev.created(2, 2)]) });
    s.apply({ type: 'events', frameId: 0, batch: batch('new', [ev.created(1, 1)]) });
    expect([...s.sockets.keys()]).toEqual(['new:1']);
  });

  it('tells subscribers of every change', () => {
    const s = store();
    let calls = 0;
    const off = s.subscribe(() => calls++);
    s.apply({ type: 'rejected', count: 3, lastError: 'not JSON' });
    off();
    s.clear();
    expect(calls).toBe(1);
    expect(s.rejected).toEqual({ count: 3, lastError: 'not JSON' });
  });
});
