import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../src/export/close-log';
import { recordedHistory } from '../page/recorded-history';
import { ev } from '../event-builders';

function summaries() {
  const events = [
    ev.created(2, 1, 'ws://b.test/'),
    ev.created(1, 2, 'ws://a.test/'),
    ev.open(1, 3),
    ev.message(1, 4, 'hello', 'sent'),
    ev.closed(1, 5, 1006, false),
    ev.error(2, 6),
    ev.closed(2, 7, 1006, false),
  ];
  return recordedHistory('d', events).summaries();
}

describe('buildCloseLog', () => {
  it('writes the versioned contract, oldest socket first', () => {
    const log = buildCloseLog(summaries(), new Date('2026-11-24T12:00:00Z'));
    expect(log).toMatchObject({
      format: 'websocket-close-log',
      version: 1,
      exportedAt: '2026-11-24T12:00:00.000Z',
    });
    expect(log.sockets.map((s) => s.url)).toEqual(['ws://b.test/', 'ws://a.test/']);
    expect(log.sockets[1]).toMatchObject({
      id: 'd:1',
      createdAt: 1002,
      openedAt: 1003,
      closedAt: 1005,
      state: 'closed',
      sent: { messages: 1, bytes: 5 },
      received: { messages: 0, bytes: 0 },
      close: {
        code: 1006,
        reason: '',
        wasClean: false,
        initiator: 'network',
        name: 'Abnormal Closure',
        abnormal: true,
        explanation: expect.stringMatching(/dropped after opening/),
      },
    });
    expect(log.sockets[0]!.close).toMatchObject({
      initiator: 'browser',
      explanation: expect.stringMatching(/never opened/),
    });
  });

  it('writes close: null for a socket still open', () => {
    const h = recordedHistory('d', [ev.created(1, 1)]);
    expect(buildCloseLog(h.summaries(), new Date()).sockets[0]!.close).toBeNull();
  });
});
