import { describe, expect, it } from 'vitest';
import { emptyLog } from '../../../src/log/log-state';
import { reduceLog } from '../../../src/log/log-reducer';
import { droppedPreviews } from '../../../src/log/socket-record';
import { recordedHistory } from '../page/recorded-history';
import { batch, ev, snapshot } from '../event-builders';
import { events, ids, logAfter, previews, roomy, socketOf } from './log-builders';

describe('reduceLog', () => {
  it('folds live events into exact per-socket summaries', () => {
    const log = logAfter([
      events('d', [
        ev.created(1, 1),
        ev.open(1, 2),
        ev.message(1, 3, 'abc', 'sent'),
        ev.message(1, 4, 'x'),
        ev.closed(1, 5, 4000),
      ]),
    ]);
    const socket = socketOf(log, 'd:1');
    expect(socket).toMatchObject({
      state: 'closed',
      sent: { messages: 1, bytes: 3 },
      received: { messages: 1, bytes: 1 },
      close: { code: 4000 },
      frameId: 0,
    });
    expect(previews(socket)).toEqual(['abc', 'x']);
    expect(log.stats).toEqual({ abnormal: 0, injected: 0, alive: 0 });
  });

  it('counts the tester’s messages apart from the page’s own, and keeps them in the log', () => {
    const before = logAfter([
      events('d', [ev.created(1, 1), ev.open(1, 2), ev.message(1, 3, 'page', 'sent')]),
    ]);
    const log = reduceLog(before, [
      events('d', [
        { ...ev.message(1, 4, 'as page', 'sent'), tester: true },
        { ...ev.message(1, 5, 'injected'), tester: true },
        ev.message(1, 6, 'server'),
      ]),
    ]);
    const socket = socketOf(log, 'd:1');
    expect(socket).toMatchObject({
      sent: { messages: 1, bytes: 4 },
      received: { messages: 1, bytes: 6 },
      tester: { sent: { messages: 1, bytes: 7 }, injected: { messages: 1, bytes: 8 } },
    });
    expect([...socket.messages].map((m) => [m.preview, m.tester])).toEqual([
      ['page', undefined],
      ['as page', true],
      ['injected', true],
      ['server', undefined],
    ]);
    expect(droppedPreviews(socket)).toBe(0);
    expect(socketOf(before, 'd:1').tester.sent.messages).toBe(0);
  });

  it('never changes a log it was given: every change is a new version', () => {
    const before = logAfter([events('d', [ev.created(1, 1), ev.open(1, 2), ev.message(1, 3, 'a')])]);
    const seen = () => {
      const { messages, ...summary } = socketOf(before, 'd:1');
      return JSON.stringify({ summary, previews: [...messages].map((m) => m.preview), stats: before.stats });
    };
    const frozen = seen();
    const after = reduceLog(before, [events('d', [ev.message(1, 4, 'b'), ev.closed(1, 5, 1006, false)])]);
    expect(seen()).toBe(frozen);
    expect(previews(socketOf(after, 'd:1'))).toEqual(['a', 'b']);
    expect(after.changes).toEqual({ from: before.version, added: [], updated: [0] });
    expect(after.stats.abnormal).toBe(1);
    expect(before.stats.abnormal).toBe(0);
  });

  it('returns the very same log when nothing changed, so views need not re-render', () => {
    const log = logAfter([events('d', [ev.created(1, 1)])]);
    expect(reduceLog(log, [])).toBe(log);
    expect(reduceLog(log, [events('d', [ev.created(1, 1)])]).sockets).toBe(log.sockets);
  });

  it('ignores re-delivered events', () => {
    const b = events('d', [ev.created(1, 1), ev.message(1, 2)]);
    expect(socketOf(logAfter([b, b]), 'd:1').received.messages).toBe(1);
  });

  it('caps previews per socket while counts stay exact', () => {
    const log = logAfter(
      [
        events('d', [
          ev.created(1, 1),
          ...Array.from({ length: 50 }, (_, i) => ev.message(1, i + 2, String(i))),
        ]),
      ],
      roomy(10),
    );
    const socket = socketOf(log, 'd:1');
    expect(socket.received.messages).toBe(50);
    expect(socket.messages.length).toBe(10);
    expect(socket.messages.last()?.preview).toBe('49');
    expect(droppedPreviews(socket)).toBe(40);
  });

  it('drops the oldest previews across sockets when over the total, by count or by text', () => {
    const limits = { perSocket: 100, total: 4, totalChars: 1000 };
    let log = logAfter(
      [
        events('d', [ev.created(1, 1), ev.created(2, 2), ev.message(1, 3, 'a1'), ev.message(1, 4, 'a2')]),
        events('d', [ev.message(2, 5, 'b1'), ev.message(2, 6, 'b2'), ev.message(1, 7, 'a3')]),
      ],
      limits,
    );
    expect([previews(socketOf(log, 'd:1')), previews(socketOf(log, 'd:2'))]).toEqual([
      ['a2', 'a3'],
      ['b1', 'b2'],
    ]);
    log = reduceLog(log, [{ type: 'limits', limits: { perSocket: 100, total: 100, totalChars: 4 } }]);
    expect([previews(socketOf(log, 'd:1')), previews(socketOf(log, 'd:2'))]).toEqual([['a3'], ['b2']]);
    expect(log.budget.count).toBe(2);
  });

  it('keeps its eviction queue near the previews it holds under a long stream', () => {
    let log = logAfter([events('d', [ev.created(1, 1)])], { perSocket: 10, total: 1000, totalChars: 1e9 });
    for (let i = 0; i < 100; i++) {
      log = reduceLog(log, [
        events(
          'd',
          Array.from({ length: 500 }, (_, k) => ev.message(1, 2 + i * 500 + k, String(k))),
        ),
      ]);
    }
    expect(socketOf(log, 'd:1').messages.length).toBe(10);
    expect(log.budget.end - log.budget.head).toBeLessThan(10_000);
    expect(log.budget.queue.slots.length).toBeLessThan(20_000);
  });

  it('merges a snapshot from the page history with what it already holds', () => {
    const limits = { maxSockets: 10, maxMessages: 2 };
    const list = [
      ev.created(1, 1),
      ev.message(1, 2, 'a'),
      ev.message(1, 3, 'b'),
      ev.message(1, 4, 'c'),
      ev.closed(1, 5),
    ];
    const history = recordedHistory('d', list, limits);
    const log = logAfter([
      events('d', list.slice(0, 3)), // the panel saw the first three live
      {
        type: 'snapshot',
        frameId: 0,
        part: snapshot('d', history.lastSeq, history.summaries(), history.messages()),
      },
    ]);
    const socket = socketOf(log, 'd:1');
    expect(socket.state).toBe('closed');
    expect(socket.received.messages).toBe(3);
    expect(previews(socket)).toEqual(['a', 'b', 'c']);
  });

  it('learns of sockets created before it subscribed only from the snapshot', () => {
    const history = recordedHistory('d', [ev.created(7, 1), ev.open(7, 2), ev.message(7, 3)]);
    let log = logAfter([events('d', [ev.message(7, 3)], 3)]); // live, but its socket is not known yet
    expect(log.sockets.size).toBe(0);
    log = reduceLog(log, [
      {
        type: 'snapshot',
        frameId: 3,
        part: snapshot('d', history.lastSeq, history.summaries(), history.messages()),
      },
    ]);
    expect(socketOf(log, 'd:7')).toMatchObject({ state: 'open', frameId: 3, received: { messages: 1 } });
    expect(socketOf(log, 'd:7').messages.length).toBe(1);
  });

  it('lists sockets in creation order, whatever order they arrive in', () => {
    const late = { ...ev.created(1, 1), t: 500 };
    const log = logAfter([
      events('b', [ev.created(1, 1)]),
      { type: 'events', frameId: 2, batch: batch('a', [late]) },
    ]);
    expect(ids(log)).toEqual(['a:1', 'b:1']);
  });

  it('starts afresh on navigation and keeps late events of the old document out', () => {
    const log = logAfter([
      events('old', [ev.created(1, 1)]),
      { type: 'navigated', url: 'https://page.test/next', at: 5 },
      events('old', [ev.created(2, 2)]),
      events('new', [ev.created(1, 1)]),
    ]);
    expect(ids(log)).toEqual(['new:1']);
    expect(log.changes.from).not.toBeNull();
  });

  it('keeps earlier sockets behind a navigation with "Preserve log"', () => {
    const log = logAfter([
      { type: 'preserve-log', on: true },
      events('old', [ev.created(1, 1)]),
      { type: 'navigated', url: 'https://page.test/next', at: 5000 },
      events('new', [ev.created(1, 1)]),
    ]);
    expect(ids(log)).toEqual(['old:1', 'new:1']);
    expect(log.navigations).toEqual([{ url: 'https://page.test/next', at: 5000 }]);
  });

  it('Clear empties the list, and a resync does not bring cleared sockets back', () => {
    // What the page will have recorded by the time it answers the resync.
    const history = recordedHistory('d', [ev.created(1, 1), ev.closed(1, 2, 1006, false), ev.created(2, 3)]);
    let log = logAfter([events('d', [ev.created(1, 1), ev.closed(1, 2, 1006, false)])]);
    expect(log.stats.abnormal).toBe(1);
    log = reduceLog(log, [{ type: 'clear' }]);
    expect(log.sockets.size).toBe(0);
    expect(log.stats).toEqual({ abnormal: 0, injected: 0, alive: 0 });
    expect(log.changes.from).toBeNull();
    log = reduceLog(log, [
      { type: 'snapshot', frameId: 0, part: snapshot('d', history.lastSeq, history.summaries(), []) },
    ]);
    expect(ids(log)).toEqual(['d:2']);
  });

  it('Pause keeps new sockets out; on resume, a resync brings listed sockets back to exact counts', () => {
    const seen = [ev.created(1, 1), ev.open(1, 2)];
    const whilePaused = [ev.message(1, 3, 'x'), { ...ev.created(2, 4), t: 2000 }];
    const history = recordedHistory('d', [...seen, ...whilePaused]);
    let log = logAfter([events('d', seen), { type: 'pause', at: 1500 }, events('d', whilePaused)]);
    expect(socketOf(log, 'd:1').received.messages).toBe(0);
    expect(log.sockets.size).toBe(1);
    expect(log.pausedSince).toBe(1500);
    log = reduceLog(log, [
      { type: 'resume', at: 2500 },
      {
        type: 'snapshot',
        frameId: 0,
        part: snapshot('d', history.lastSeq, history.summaries(), history.messages()),
      },
    ]);
    expect(log.pausedSince).toBeNull();
    expect(socketOf(log, 'd:1').received.messages).toBe(1);
    expect(ids(log)).toEqual(['d:1']); // created during the pause: never listed
    expect(log.pauses).toEqual([[1500, 2500]]);
  });

  it('counts abnormal, injected and alive sockets as they change', () => {
    const log = logAfter([
      events('d', [ev.created(1, 1), ev.created(2, 2), ev.created(3, 3)]),
      events('d', [ev.closed(1, 4, 1006, false)]),
      events('d', [
        { type: 'injected', socket: 2, seq: 5, t: 1005, action: 'drop', code: null, reason: null },
        { ...ev.closed(2, 6, 1006, false), injected: true },
      ]),
    ]);
    expect(log.stats).toEqual({ abnormal: 1, injected: 1, alive: 1 });
  });

  it('records a rejected-messages count', () => {
    const log = reduceLog(emptyLog(), [{ type: 'rejected', count: 3, lastError: 'not JSON' }]);
    expect(log.rejected).toEqual({ count: 3, lastError: 'not JSON' });
  });
});
