import { describe, expect, it } from 'vitest';
import { reduceLog } from '../../../src/log/log-reducer';
import { NO_FILTER } from '../../../src/log/socket-filter';
import { VisibleSocketsSelector } from '../../../src/log/visible-sockets';
import { ev } from '../event-builders';
import { events, logAfter } from './log-builders';

describe('VisibleSocketsSelector', () => {
  it('filters the log and keeps the same list while a shown socket only streams', () => {
    const select = new VisibleSocketsSelector();
    const filter = { ...NO_FILTER, url: 'chat' };
    let log = logAfter([
      events('d', [ev.created(1, 1, 'ws://chat/'), ev.open(1, 2), ev.created(2, 3, 'ws://feed/')]),
    ]);
    const first = select.select(log, filter);
    expect(first.slots).toEqual([0]);
    log = reduceLog(log, [events('d', [ev.message(1, 4), ev.message(2, 5)])]);
    expect(select.select(log, filter)).toBe(first);
    log = reduceLog(log, [events('d', [ev.created(3, 6, 'ws://chat/2')])]);
    const third = select.select(log, filter);
    expect(third.slots).toEqual([0, 2]);
    expect([third.has(0), third.has(1), third.has(2)]).toEqual([true, false, true]);
    expect(first.has(2)).toBe(false);
  });

  it('re-tests a socket that changed in a way the filter sees', () => {
    const select = new VisibleSocketsSelector();
    const filter = { ...NO_FILTER, abnormalOnly: true };
    let log = logAfter([events('d', [ev.created(1, 1), ev.open(1, 2)])]);
    expect(select.select(log, filter).slots).toEqual([]);
    log = reduceLog(log, [events('d', [ev.closed(1, 3, 1006, false)])]);
    expect(select.select(log, filter).slots).toEqual([0]);
  });

  it('counts search matches per shown socket, updated as messages arrive', () => {
    const select = new VisibleSocketsSelector();
    const filter = { ...NO_FILTER, search: 'needle' };
    let log = logAfter([events('d', [ev.created(1, 1), ev.message(1, 2, 'a needle'), ev.created(2, 3)])]);
    expect(select.select(log, filter).matches).toEqual(new Map([[0, 1]]));
    log = reduceLog(log, [events('d', [ev.message(1, 4, 'NEEDLE again'), ev.message(2, 5, 'needle')])]);
    const after = select.select(log, filter);
    expect(after.slots).toEqual([0, 1]);
    expect(after.matches).toEqual(
      new Map([
        [0, 2],
        [1, 1],
      ]),
    );
  });
});
