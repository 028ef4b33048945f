import { describe, expect, it } from 'vitest';
import { replayPlan } from '../../../src/replay/replay-plan';
import { ev } from '../event-builders';
import { at, recordedLog } from './recorded-log';

describe('replayPlan', () => {
  it("answers the page's messages in order, with the recorded gaps, then ends as the server did", () => {
    const plan = replayPlan(
      recordedLog([
        at(1000, ev.created(1, 1, 'wss://app.test/socket.io/?EIO=4&transport=websocket')),
        at(1010, ev.open(1, 2)),
        at(1015, ev.message(1, 3, '0{"sid":"a"}', 'received')),
        at(1020, ev.message(1, 4, '40', 'sent')),
        at(1021, ev.message(1, 5, '40{"sid":"b"}', 'received')),
        at(1500, ev.message(1, 6, '2', 'received')),
        at(1600, ev.closed(1, 7, 4001, true, 'bye')),
      ]),
    );
    expect(plan.pageUrl).toBe('https://page.test/');
    expect(plan.sockets).toHaveLength(1);
    const [s] = plan.sockets;
    expect(s?.steps).toEqual([
      { after: 5, text: '0{"sid":"a"}' },
      { page: 1 },
      { after: 1, text: '40{"sid":"b"}' },
      { after: 479, text: '2' },
    ]);
    expect(s?.end).toEqual({ close: { code: 4001, reason: 'bye' }, after: 100 });
    expect(s?.expect).toEqual({
      sent: 1,
      received: 3,
      close: { code: 4001, reason: 'bye', wasClean: true },
      order: 'rsrr',
    });
  });

  it('ends as the page saw it: a drop for 1006, the page closing, a refused or unanswered handshake, 1005 as a bare close frame', () => {
    const plan = replayPlan(
      recordedLog([
        ev.created(1, 1),
        ev.open(1, 2),
        ev.error(1, 3),
        ev.closed(1, 4, 1006, false),
        ev.created(2, 5),
        ev.open(2, 6),
        ev.closeCall(2, 7, 1000),
        ev.closed(2, 8, 1000, true),
        ev.created(3, 9),
        ev.error(3, 10),
        ev.closed(3, 11, 1006, false),
        ev.created(4, 12),
        ev.open(4, 13),
        ev.closed(4, 14, 1005, true),
        ev.created(5, 15),
        ev.open(5, 16),
      ]),
    );
    expect(plan.sockets.map((s) => s.end)).toEqual([
      { drop: true, after: 2 },
      { pageCloses: true },
      { refuse: null },
      { close: { code: null, reason: '' }, after: 1 },
      { open: true },
    ]);
  });

  it('says at a truncated or unrecorded payload what the log kept, and keys it for the developer', () => {
    const log = recordedLog([
      ev.created(1, 1),
      ev.open(1, 2),
      ev.message(1, 3, 'x'.repeat(10), 'received'),
      { ...ev.message(1, 4, 'cafe', 'received'), kind: 'binary', jsType: 'ArrayBuffer', size: 2 },
      { ...ev.message(1, 5, 'cafe', 'received'), kind: 'binary', jsType: 'ArrayBuffer', size: 2 },
      { ...ev.message(1, 6, 'cafe', 'received'), kind: 'binary', jsType: 'ArrayBuffer', size: 2 },
    ]);
    // What the page's caps and a Blob leave in a log: cut previews, and one never read.
    const m = log.sockets[0]?.messages ?? [];
    Object.assign(m[0] ?? {}, { size: 100_000, truncated: true });
    Object.assign(m[2] ?? {}, { size: 9, truncated: true });
    Object.assign(m[3] ?? {}, { size: 7, jsType: 'Blob', preview: null });
    const steps = replayPlan(log).sockets[0]?.steps;
    expect(steps).toEqual([
      {
        after: 1,
        text: 'xxxxxxxxxx',
        key: 'd:1#0',
        missing: 'truncated: the server sent 100000 bytes; the log kept the first 10 characters',
      },
      { after: 1, hex: 'cafe' },
      {
        after: 1,
        hex: 'cafe',
        key: 'd:1#2',
        missing: 'truncated: the server sent 9 bytes; the log kept the first 2 bytes',
      },
      {
        after: 1,
        hex: '',
        key: 'd:1#3',
        missing: 'not recorded: the server sent 7 bytes the page never read as a whole (Blob)',
      },
    ]);
  });

  it('puts the messages whose previews the log dropped first, and counts the page messages among them', () => {
    const log = recordedLog([
      ev.created(1, 1),
      ev.open(1, 2),
      ev.message(1, 3, 'hello', 'received'),
      ev.message(1, 4, 'a', 'sent'),
      ev.message(1, 5, 'b', 'received'),
    ]);
    const [socket] = log.sockets;
    if (!socket) throw new Error('no socket');
    // As if the oldest previews had gone: 2 sent and 3 received before the held ones.
    socket.sent.messages += 2;
    socket.received.messages += 3;
    const steps = replayPlan(log).sockets[0]?.steps;
    expect(steps?.[0]).toMatchObject({ count: 3, text: '', key: `${socket.id}#unrecorded` });
    expect(steps?.slice(1)).toEqual([
      { page: 2 },
      { after: 1, text: 'hello' },
      { page: 3 },
      { after: 1, text: 'b' },
    ]);
  });

  it('keeps the recording redacted: no secret reaches a generated test unless it was exported with secrets', () => {
    const events = [
      ev.created(1, 1, 'wss://app.test/live?token=s3cret'),
      ev.open(1, 2),
      ev.message(1, 3, '{"token":"s3cret"}', 'received'),
    ];
    const redacted = replayPlan(recordedLog(events, true));
    expect(JSON.stringify(redacted)).not.toContain('s3cret');
    expect(redacted.redacted).toBe(true);
    expect(JSON.stringify(replayPlan(recordedLog(events, false)))).toContain('s3cret');
  });
});
