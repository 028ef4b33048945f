import { describe, expect, it } from 'vitest';
import { endpointOf, groupConnections } from '../../../src/log/reconnects';
import type { Attempt } from '../../../src/log/reconnects';
import { NEVER_CAME_BACK_DEFINITION } from '../../../src/log/reconnect/never-came-back';
import { STORM_DEFINITION } from '../../../src/log/reconnect/storm';

interface TestSocket extends Attempt {
  abnormal: boolean;
}

/** A socket that opened at once and closed at `closedAt` (null: still open). */
function socket(url: string, createdAt: number, closedAt: number | null, abnormal = true): TestSocket {
  return { url, createdAt, openedAt: createdAt, closedAt, abnormal };
}
/** A socket whose handshake failed: it never opened. */
function refused(url: string, createdAt: number): TestSocket {
  return { url, createdAt, openedAt: null, closedAt: createdAt + 5, abnormal: true };
}
const abnormal = (s: TestSocket) => s.abnormal;

/** An attempt every `gaps[i]` ms after the previous one was refused, after a drop at 60 s. */
function outage(url: string, start: number, gaps: number[]): TestSocket[] {
  const attempts = [socket(url, start, start + 60_000)];
  let closed = start + 60_000;
  for (const gap of gaps) {
    const attempt = refused(url, closed + gap);
    attempts.push(attempt);
    closed = attempt.closedAt ?? closed;
  }
  return attempts;
}

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
    expect(g?.gaps).toEqual([500, 1000, 2000]);
    expect(g?.gapBefore).toEqual([null, 500, 1000, 2000]);
    expect(g?.backoff.text).toBe('exponential: from 500 ms, ×2 each time');
    expect(g?.neverCameBack).toBe(false);
  });

  it('does not take parallel sockets for reconnects', () => {
    const [g] = groupConnections(
      [socket('ws://a/', 0, 100), socket('ws://a/', 10, 120), socket('ws://a/', 20, 130)],
      abnormal,
    );
    expect(g?.gaps).toEqual([]);
    expect(g?.gapBefore).toEqual([null, null, null]);
    expect(g?.parallel).toBe(3);
    expect(g?.backoff.shape.kind).toBe('none');
    expect(g?.outages).toEqual([]);
  });

  it('names the library whose default schedule the gaps fit', () => {
    const [g] = groupConnections(outage('ws://a/stomp', 0, [5000, 5002, 5001, 5000]), abnormal);
    expect(g?.backoff.text).toBe('constant: every 5 s');
    expect(g?.libraries.map((l) => l.strategy.name)).toEqual(['@stomp/stompjs']);
  });

  it('starts a new outage after an attempt that stayed up: the client starts its schedule over', () => {
    const first = outage('ws://a/', 0, [1000, 2000, 4000]);
    const second = outage('ws://a/', 200_000, [3000, 3900, 5070]);
    const [g] = groupConnections([...first, ...second], abnormal);
    expect(g?.outages.map((o) => [o.from, o.gaps.length])).toEqual([
      [0, 4], // the three retries, then the gap before the connection that stayed up
      [4, 3],
    ]);
    expect(g?.backoff.text).toBe('exponential: from 3 s, ×1.3 each time');
    expect(g?.libraries[0]?.strategy.name).toBe('partysocket');
  });

  it('reads any socket with times: a close log, as the e2e traces group it', () => {
    const closeLogSocket = {
      id: 'd:1',
      url: 'ws://a/',
      createdAt: 0,
      openedAt: 1,
      closedAt: 5,
      close: { abnormal: true },
    };
    const [g] = groupConnections([closeLogSocket], (s) => s.close.abnormal);
    expect(g?.attempts[0]?.id).toBe('d:1');
    expect(g?.neverCameBack).toBe(true);
  });
});

describe('reconnect storm', () => {
  it('is defined with the numbers the verdict checks against', () => {
    expect(STORM_DEFINITION).toBe('at least 5 connection attempts to one endpoint started within 10 s');
  });

  it('counts the busiest 10 s and states the threshold', () => {
    const attempts = Array.from({ length: 6 }, (_, i) => socket('ws://a/', i * 1000, i * 1000 + 50));
    const [g] = groupConnections(attempts, abnormal);
    expect(g?.storm).toBe(true);
    expect(g?.stormVerdict).toEqual({
      storm: true,
      peakAttempts: 6,
      peakFrom: 0,
      text: '6 attempts within 10 s (threshold: 5 within 10 s)',
    });
    const [calm] = groupConnections(
      [socket('ws://b/', 0, 50), socket('ws://b/', 20_000, 20_050, false)],
      abnormal,
    );
    expect(calm?.storm).toBe(false);
    expect(calm?.stormVerdict.text).toBe('1 attempt within 10 s (threshold: 5 within 10 s)');
  });
});

describe('never came back', () => {
  it('is defined with the grace a live tab gets', () => {
    expect(NEVER_CAME_BACK_DEFINITION).toBe(
      'the last attempt closed abnormally and no attempt followed: in a saved log, at once; in a live tab, ' +
        "once the client's own next delay has passed by a quarter more and 1 s (30 s when its pace is " +
        "unknown), or at once when its library's schedule has no retry left",
    );
  });

  const stompOutage = outage('ws://a/stomp', 0, [5000, 5000, 5000, 5000]);
  const lastClose = stompOutage[stompOutage.length - 1]?.closedAt ?? 0;

  it('in a finished log: the last attempt closed abnormally and nothing followed', () => {
    const [g] = groupConnections(stompOutage, abnormal);
    expect(g?.neverCameBack).toBe(true);
    expect(g?.neverCameBackVerdict.text).toBe('the last attempt closed abnormally and nothing followed');
    const [back] = groupConnections(
      [socket('ws://b/', 0, 50), socket('ws://b/', 1000, 1050, false)],
      abnormal,
    );
    expect(back?.neverCameBack).toBe(false);
  });

  it("in a live tab: not before the client's next retry was due", () => {
    // stompjs retries every 5 s: due by 5 s × 1.25 + 1 s after the close.
    const [waiting] = groupConnections(stompOutage, abnormal, { now: lastClose + 6000 });
    expect(waiting?.neverCameBack).toBe(false);
    expect(waiting?.neverCameBackVerdict).toMatchObject({ waiting: true, dueMs: 5000 * 1.25 + 1000 });
    const [gone] = groupConnections(stompOutage, abnormal, { now: lastClose + 61_000 });
    expect(gone?.neverCameBack).toBe(true);
    expect(gone?.neverCameBackVerdict.text).toBe(
      'no attempt for 61 s after an abnormal close; a retry was due within 7.25 s',
    );
  });

  it('at once when the recognised library has no retry left', () => {
    const signalr = outage('ws://a/hub', 0, [2, 2000, 10_000, 30_000]);
    const [g] = groupConnections(signalr, abnormal, {
      now: (signalr[signalr.length - 1]?.closedAt ?? 0) + 10,
    });
    expect(g?.neverCameBack).toBe(true);
    expect(g?.neverCameBackVerdict.gaveUp).toBe(true);
  });

  it('waits 30 s when nothing tells the pace: one drop, no retry yet', () => {
    const dropped = [socket('ws://a/', 0, 1000)];
    expect(groupConnections(dropped, abnormal, { now: 20_000 })[0]?.neverCameBack).toBe(false);
    expect(groupConnections(dropped, abnormal, { now: 32_000 })[0]?.neverCameBack).toBe(true);
  });
});
