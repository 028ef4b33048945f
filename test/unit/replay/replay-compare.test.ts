import { describe, expect, it } from 'vitest';
import { replayDifferences } from '../../../src/replay/replay-compare';
import { replayPlan } from '../../../src/replay/replay-plan';
import { replayUrl, routeOfReplayUrl } from '../../../src/replay/replay-routes';
import { ev } from '../event-builders';
import { recordedLog } from './recorded-log';

const base = 'ws://127.0.0.1:9';
const route = (url: string) => routeOfReplayUrl(base, url);

const session = (url: (u: string) => string, code: number, lastDir: 'sent' | 'received') =>
  recordedLog([
    ev.created(1, 1, url('wss://app.test/live')),
    ev.open(1, 2),
    ev.message(1, 3, 'a', 'sent'),
    ev.message(1, 4, 'b', lastDir),
    ev.closed(1, 5, code, code !== 1006),
    ev.created(2, 6, url('wss://app.test/live')),
    ev.open(2, 7),
    ev.closed(2, 8, 1000, true),
  ]);

describe('replayDifferences', () => {
  const recorded = replayPlan(session((u) => u, 1006, 'received')).sockets;

  it('finds none when the replayed sockets met the same run', () => {
    const replayed = session((u) => replayUrl(base, 0, u), 1006, 'received');
    expect(replayDifferences(recorded, replayed.sockets, route)).toEqual([]);
  });

  it('names the socket and the fact that differs: close, counts, order, or a socket never opened', () => {
    const replayed = session((u) => replayUrl(base, 0, u), 1000, 'sent');
    replayed.sockets.pop();
    expect(replayDifferences(recorded, replayed.sockets, route)).toEqual([
      'the 1st socket to app.test/live: closed 1000 "", recorded 1006 "" (unclean)',
      'the 1st socket to app.test/live: the page sent 2 messages, recorded 1',
      'the 1st socket to app.test/live: the page received 0 messages, recorded 1',
      'the 1st socket to app.test/live: messages went ss, recorded sr (s: sent, r: received)',
      'the 2nd socket to app.test/live: the app never opened it',
    ]);
  });

  it('ignores sockets that did not go through the stand-in', () => {
    const replayed = session((u) => replayUrl(base, 0, u), 1006, 'received');
    const other = session((u) => u, 1000, 'sent').sockets.map((s) => ({
      ...s,
      id: `x${s.id}`,
      createdAt: 0,
    }));
    expect(replayDifferences(recorded, [...other, ...replayed.sockets], route)).toEqual([]);
  });
});
