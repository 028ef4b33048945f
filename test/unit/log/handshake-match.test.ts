import { describe, expect, it } from 'vitest';
import { LogStore } from '../../../src/log/log-store';
import type { HandshakeReport } from '../../../src/protocol/handshake';
import { explainSocket } from '../../../src/log/socket-view';
import { notableHandshake } from '../../../src/close-codes/handshake-report';
import { batch, ev } from '../event-builders';

const failure = (over: Partial<HandshakeReport> = {}): HandshakeReport => ({
  requestId: '1',
  frameId: 0,
  url: 'ws://x.test/1',
  at: 1001,
  statusCode: null,
  statusLine: null,
  error: 'net::ERR_CONNECTION_REFUSED',
  ...over,
});

describe('handshake reports in the store', () => {
  it('attaches a failure to its socket, also when it arrives before the socket does', () => {
    const store = new LogStore();
    store.apply({ type: 'handshake', report: failure() });
    store.applyBatch(batch('d', [ev.created(1, 1), ev.error(1, 2), ev.closed(1, 3, 1006, false)]), 0);
    const s = store.sockets.get('d:1')!;
    expect(s.handshake).toMatchObject({ error: 'net::ERR_CONNECTION_REFUSED' });
    expect(explainSocket(s)!.headline).toBe(
      'Handshake failed, never opened: connection refused: nothing accepts connections on that host and port (net::ERR_CONNECTION_REFUSED)',
    );
  });

  it('picks the newest unopened socket of that frame and URL, and merges reports of one request', () => {
    const store = new LogStore();
    store.applyBatch(
      batch('d', [ev.created(1, 1), ev.created(2, 2), ev.open(2, 3), ev.created(3, 4, 'ws://x.test/1')]),
      0,
    );
    store.apply({
      type: 'handshake',
      report: failure({
        url: 'http://x.test/1',
        statusCode: 403,
        statusLine: 'HTTP/1.1 403 Forbidden',
        error: null,
        at: 1010,
      }),
    });
    store.apply({ type: 'handshake', report: failure({ at: 1011, error: 'NS_ERROR_FAILURE' }) });
    expect(store.sockets.get('d:3')!.handshake).toMatchObject({ statusCode: 403, error: 'NS_ERROR_FAILURE' });
    expect(store.sockets.get('d:1')!.handshake).toBeNull();
    expect(
      explainSocket({
        ...store.sockets.get('d:3')!,
        close: { code: 1006, reason: '', wasClean: false, at: 1020 },
      })!.headline,
    ).toMatch(/HTTP 403 Forbidden: forbidden/);
  });

  it('attaches a 101 to an opened socket, and explains a socket failed right after its 101 (Firefox)', () => {
    const store = new LogStore();
    store.applyBatch(batch('d', [ev.created(1, 1), ev.open(1, 2), ev.created(2, 3, 'ws://x.test/2')]), 0);
    const ok = { statusCode: 101, statusLine: 'HTTP/1.1 101 Switching Protocols', error: null };
    store.apply({ type: 'handshake', report: failure({ requestId: 'a', ...ok }) });
    store.apply({ type: 'handshake', report: failure({ requestId: 'b', url: 'ws://x.test/2', ...ok }) });
    store.applyBatch(batch('d', [ev.error(2, 4), ev.closed(2, 5, 1006, false)]), 0);
    expect(store.sockets.get('d:1')!.handshake).toMatchObject({ statusCode: 101 });
    expect(explainSocket(store.sockets.get('d:2')!)!.headline).toBe(
      'The server accepted the handshake (101), then the browser failed the connection before open: the server broke the protocol',
    );
  });

  it('shows a 101 only for a socket that never opened', () => {
    const accepted = failure({
      statusCode: 101,
      statusLine: 'HTTP/1.1 101 Switching Protocols',
      error: null,
    });
    expect(notableHandshake({ openedAt: 5, handshake: accepted })).toBeNull();
    expect(notableHandshake({ openedAt: null, handshake: accepted })).toBe(accepted);
    expect(notableHandshake({ openedAt: 5, handshake: failure() })).toEqual(failure());
  });
});
