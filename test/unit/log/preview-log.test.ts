import { describe, expect, it } from 'vitest';
import { PreviewLog } from '../../../src/log/preview-log';
import { ev } from '../event-builders';

const texts = (log: PreviewLog) => [...log].map((m) => m.preview);
const grow = (log: PreviewLog, from: number, n: number) => {
  for (let i = 0; i < n; i++) log = log.append(ev.message(1, from + i, String(from + i)));
  return log;
};

describe('PreviewLog', () => {
  it('appends and drops without changing the versions it came from', () => {
    const a = grow(PreviewLog.empty(), 1, 3);
    const b = a.append(ev.message(1, 4, '4'));
    const c = b.dropOldest(2);
    expect([texts(a), texts(b), texts(c)]).toEqual([
      ['1', '2', '3'],
      ['1', '2', '3', '4'],
      ['3', '4'],
    ]);
    expect([c.dropped, c.pushed, c.length]).toEqual([2, 4, 2]);
    expect(c.atOrdinal(3)?.preview).toBe('4');
    expect(c.atOrdinal(1)).toBeUndefined();
  });

  it('counts its characters in O(1) for any range', () => {
    const log = PreviewLog.of([ev.message(1, 1, 'abc'), ev.message(1, 2, 'de'), ev.message(1, 3, 'f')]);
    expect(log.chars).toBe(6);
    expect(log.dropOldest(1).chars).toBe(3);
  });

  it('branches when an older version grows, leaving the newer one intact', () => {
    const base = grow(PreviewLog.empty(), 1, 2);
    const newer = base.append(ev.message(1, 3, 'newer'));
    const branch = base.append(ev.message(1, 3, 'branch'));
    expect(texts(newer)).toEqual(['1', '2', 'newer']);
    expect(texts(branch)).toEqual(['1', '2', 'branch']);
  });

  it('copies its held part away once the dropped prefix dominates, so memory follows what is held', () => {
    let log = grow(PreviewLog.empty(), 1, 3000);
    const before = log.storage;
    log = log.dropOldest(2000);
    expect(log.storage).not.toBe(before);
    expect([log.length, log.dropped, log.at(0)?.preview]).toEqual([1000, 2000, '2001']);
  });

  it('holds no dropped record once its previews are all gone, however few it had', () => {
    let log = grow(PreviewLog.empty(), 1, 10);
    for (let i = 0; i < 10; i++) log = log.dropOldest(1);
    expect([log.length, log.dropped, log.pushed]).toEqual([0, 10, 10]);
    expect((log.storage as { items: unknown[] }).items).toEqual([]);
    log = log.append(ev.message(1, 11, '11'));
    expect([texts(log), log.dropped, log.pushed]).toEqual([['11'], 10, 11]);
  });

  it('keeps at most half as many dropped records as it holds previews', () => {
    let log = grow(PreviewLog.empty(), 1, 100);
    for (let i = 101; i <= 1100; i++) log = log.append(ev.message(1, i, String(i))).dropOldest(1);
    const { items } = log.storage as { items: unknown[] };
    expect(log.length).toBe(100);
    expect(items.length).toBeLessThanOrEqual(1.5 * log.length + 1);
  });
});
