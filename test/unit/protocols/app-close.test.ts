import { describe, expect, it } from 'vitest';
import { analyzeSocket } from '../../../src/protocols';
import type { AppCloseFacts, MessagePreview, SocketFacts } from '../../../src/protocols';
import { message } from './captures';

const SOCKET_IO: SocketFacts = {
  url: 'ws://h/socket.io/?EIO=4&transport=websocket',
  protocols: [],
  protocol: '',
};
const OPEN = '0{"sid":"s","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';

function at(t: number, m: MessagePreview): MessagePreview {
  return { ...m, t };
}

function close(over: Partial<AppCloseFacts>): AppCloseFacts {
  return {
    code: 1006,
    reason: '',
    wasClean: false,
    opened: true,
    errored: false,
    closedAt: 0,
    openedAt: 0,
    closeCall: null,
    ...over,
  };
}

function explain(s: SocketFacts, messages: MessagePreview[], facts: AppCloseFacts) {
  return analyzeSocket(s, messages, facts)?.close ?? null;
}

describe('heartbeat verdicts', () => {
  const pings = [
    at(0, message('received', OPEN)),
    at(25_000, message('received', '2')),
    at(25_001, message('sent', '3')),
    at(50_000, message('received', '2')),
    at(50_002, message('sent', '3')),
  ];

  it('a 1006 after the server stopped pinging says so, with the negotiated timing', () => {
    const info = explain(SOCKET_IO, pings, close({ closedAt: 97_000 }));
    expect(info?.heartbeat).toMatchObject({ verdict: 'missed', silenceMs: 47_000 });
    expect(info?.lines).toEqual([
      'No Socket.IO ping for 47 s before the drop; the server pings every 25 s and the client gives up after 45 s.',
    ]);
  });

  it('a 1006 while pings were on time says the heartbeat had not stopped', () => {
    const info = explain(SOCKET_IO, pings, close({ closedAt: 60_000 }));
    expect(info?.heartbeat).toMatchObject({ verdict: 'on-time', silenceMs: 10_000 });
    expect(info?.lines[0]).toMatch(/^The last Socket.IO ping came 10 s before the drop/);
  });

  it('documented defaults without an open packet, and said to be defaults', () => {
    const info = explain(SOCKET_IO, [at(1000, message('received', '2'))], close({ closedAt: 61_000 }));
    expect(info?.lines[0]).toBe(
      'No Socket.IO ping for 60 s before the drop; the server pings every 25 s and the client gives up after 45 s (Engine.IO defaults).',
    );
  });

  it('the page closing the socket itself without a code after silence is a heartbeat timeout', () => {
    const info = explain(
      SOCKET_IO,
      pings,
      close({
        code: 1005,
        wasClean: true,
        closedAt: 95_010,
        closeCall: { code: null, reason: null, at: 95_005 },
      }),
    );
    expect(info?.heartbeat?.verdict).toBe('missed');
    expect(info?.lines[0]).toMatch(
      /^No Socket.IO ping for 45 s before the page closed the socket;.*A client library closes its socket without a code like this when its heartbeat times out\.$/,
    );
  });

  it('no verdict for a clean close, a page close() soon after a beat, or a 1006 the page asked for', () => {
    expect(
      explain(SOCKET_IO, pings, close({ code: 1000, wasClean: true, closedAt: 97_000 }))?.heartbeat,
    ).toBeNull();
    expect(
      explain(
        SOCKET_IO,
        pings,
        close({
          code: 1005,
          wasClean: true,
          closedAt: 51_000,
          closeCall: { code: null, reason: null, at: 51_000 },
        }),
      )?.heartbeat,
    ).toBeNull();
    expect(
      explain(
        SOCKET_IO,
        pings,
        close({ closedAt: 97_000, closeCall: { code: 1000, reason: null, at: 96_000 } }),
      )?.heartbeat,
    ).toBeNull();
  });

  it('an unanswered MQTT PINGREQ is named', () => {
    const mqtt: SocketFacts = { url: 'ws://h/mqtt', protocols: ['mqtt'], protocol: 'mqtt' };
    const connect = '100f00044d5154540402003c0003616263';
    const messages = [
      at(0, message('sent', connect, { kind: 'binary' })),
      at(5, message('received', '20020000', { kind: 'binary' })),
      at(60_000, message('sent', 'c000', { kind: 'binary' })),
    ];
    const info = explain(mqtt, messages, close({ closedAt: 90_000 }));
    expect(info?.heartbeat).toMatchObject({ verdict: 'missed', unansweredPingAt: 60_000 });
    expect(info?.lines[0]).toBe('The PINGREQ sent 30 s before the drop got no answer.');
  });

  it('Phoenix: the page\'s 1000 "heartbeat timeout" after an unanswered heartbeat', () => {
    const phoenix: SocketFacts = { url: 'ws://h/socket/websocket?vsn=2.0.0', protocols: [], protocol: '' };
    const messages = [
      at(0, message('sent', '[null,"1","phoenix","heartbeat",{}]')),
      at(10, message('received', '[null,"1","phoenix","phx_reply",{"status":"ok","response":{}}]')),
      at(30_000, message('sent', '[null,"2","phoenix","heartbeat",{}]')),
    ];
    const info = explain(
      phoenix,
      messages,
      close({
        code: 1000,
        reason: 'heartbeat timeout',
        wasClean: true,
        closedAt: 60_010,
        closeCall: { code: 1000, reason: 'heartbeat timeout', at: 60_000 },
      }),
    );
    expect(info?.closeCode?.name).toBe('Heartbeat timeout');
    expect(info?.heartbeat?.text).toMatch(
      /^The heartbeat sent 30 s before the page closed the socket got no answer\./,
    );
  });
});

describe('goodbyes and protocol close codes', () => {
  it('the last goodbye before the close, never one after it', () => {
    const cable: SocketFacts = { url: 'ws://h/cable', protocols: [], protocol: 'actioncable-v1-json' };
    const messages = [
      at(10, message('received', '{"type":"disconnect","reason":"remote","reconnect":true}')),
      at(20, message('received', '{"type":"disconnect","reason":"unauthorized","reconnect":false}')),
    ];
    expect(
      explain(cable, messages, close({ code: 1000, wasClean: true, closedAt: 15 }))?.goodbye,
    ).toMatchObject({ reason: 'remote', seq: messages[0]?.seq });
  });

  it('graphql-ws codes apply to graphql-ws sockets only', () => {
    const gql = explain(
      { url: 'ws://h/g', protocols: [], protocol: 'graphql-transport-ws' },
      [],
      close({ code: 4408, reason: 'Connection initialisation timeout', wasClean: true }),
    );
    expect(gql?.closeCode).toMatchObject({ code: 4408, name: 'Connection initialisation timeout' });
    const stomp = explain(
      { url: 'ws://h/s', protocols: [], protocol: 'v12.stomp' },
      [],
      close({ code: 4408, wasClean: true }),
    );
    expect(stomp?.closeCode).toBeNull();
    expect(stomp?.lines).toEqual([]);
  });

  it('codes only the browser reports are never given a protocol meaning', () => {
    expect(
      explain({ url: 'ws://h/g', protocols: [], protocol: 'graphql-transport-ws' }, [], close({ code: 1006 }))
        ?.closeCode,
    ).toBeNull();
  });
});
