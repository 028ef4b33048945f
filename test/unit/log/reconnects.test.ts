import { describe, expect, it } from 'vitest';
import { classifyBackoff, endpointOf, groupConnections } from '../../../src/log/reconnects';
import type { SocketRecord } from '../../../src/log/socket-record';

let n = 0;
function socket(url: string, createdAt: number, closedAt: number | null, abnormal = true): SocketRecord {
  return {
    id: `d:${++n}`,
    url,
    createdAt,
    closedAt,
    state: closedAt === null ? 'open' : 'closed',
    close:
      closedAt === null
        ? null
        : { code: abnormal ? 1006 : 1000, reason: '', wasClean: !abnormal, at: closedAt },
  } as SocketRecord;
}
const abnormal = (s: SocketRecord) => s.close?.code === 1006;

describe('groupConnections', () => {
  it('groups by origin and path, ignoring the query a reconnecting client changes', () => {
    expect(endpointOf('wss://h.test:8443/socket.io/?EIO=4&sid=abc')).toBe('wss://h.test:8443/socket.io/');
    const groups = groupConnections(
      [socket('ws://a/x?t=1', 0, 10), socket('ws://a/x?t=2', 20, 30), socket('ws://a/y', 0, null)],
      abnormal,
    );
    expect(groups.map((g) => [g.endpoint, g.attempts.length])).toEqual([
      ['ws://a/x', 2],
      ['ws://a/y', 1],
    ]);
  });

  it('measures the gap from each close to the next attempt and names the backoff', () => {
    const [g] = groupConnections(
      [
        socket('ws://a/', 0, 100),
        socket('ws://a/', 600, 700),
        socket('ws://a/', 1700, 1800),
        socket('ws://a/', 3800, null),
      ],
      abnormal,
    );
    expect(g!.gaps).toEqual([500, 1000, 2000]);
    expect(g!.gapBefore).toEqual([null, 500, 1000, 2000]);
    expect(g!.backoff).toBe('growing');
    expect(g!.neverCameBack).toBe(false);
  });

  it('does not take parallel sockets for reconnects', () => {
    const [g] = groupConnections(
      [socket('ws://a/', 0, 100), socket('ws://a/', 10, 120), socket('ws://a/', 20, 130)],
      abnormal,
    );
    expect(g!.gaps).toEqual([]);
    expect(g!.gapBefore).toEqual([null, null, null]);
    expect(g!.parallel).toBe(3);
    expect(g!.backoff).toBe('none');
  });

  it('flags a reconnect storm and a connection that never came back', () => {
    const attempts = Array.from({ length: 6 }, (_, i) => socket('ws://a/', i * 1000, i * 1000 + 50));
    const [g] = groupConnections(attempts, abnormal);
    expect(g!.storm).toBe(true);
    expect(g!.peakAttemptsInWindow).toBe(6);
    expect(g!.neverCameBack).toBe(true);
    const [calm] = groupConnections(
      [socket('ws://b/', 0, 50), socket('ws://b/', 20_000, 20_050, false)],
      abnormal,
    );
    expect(calm!.storm).toBe(false);
    expect(calm!.neverCameBack).toBe(false);
  });
});

describe('classifyBackoff', () => {
  it.each([
    [[], 'none'],
    [[5, 20, 0], 'immediate'],
    [[1000, 1050, 980], 'constant'],
    [[500, 1000, 2000, 4000], 'growing'],
    [[500, 1100, 1900, 2000, 2000], 'growing'],
    [[2000, 300, 4000], 'irregular'],
  ])('%j is %s', (gaps, pattern) => {
    expect(classifyBackoff(gaps)).toBe(pattern);
  });
});
