import { describe, expect, it } from 'vitest';
import { explainDecoded, explainRow } from '../../../../src/log/app-protocols/socket-explanations';
import { SocketDecoding } from '../../../../src/log/app-protocols/socket-decoding';
import { socketFacts } from '../../../../src/log/app-protocols/inputs';
import { reduceLog } from '../../../../src/log/log-reducer';
import { protocolById } from '../../../../src/protocols';
import type { Protocol } from '../../../../src/protocols';
import { ev } from '../../event-builders';
import { loadCapture } from '../../protocols/captures';
import { events, logAfter, socketOf } from '../log-builders';
import { captureEvents } from './capture-events';

function protocol(id: Parameters<typeof protocolById>[0]): Protocol {
  const p = protocolById(id);
  if (!p) throw new Error(`no ${id}`);
  return p;
}

describe('explanations that know the protocol', () => {
  it('names a graphql-ws 4401 as the protocol means it, the generic range text kept beside', () => {
    const log = logAfter([
      events('d', [
        { ...ev.created(1, 1, 'ws://h/graphql'), protocols: ['graphql-transport-ws'] },
        { ...ev.open(1, 2), protocol: 'graphql-transport-ws' },
        ev.closed(1, 3, 4401, true, 'Unauthorized'),
      ]),
    ]);
    const s = socketOf(log, 'd:1');
    const x = explainRow(s, protocol('graphql-ws'));
    expect(x?.info.name).toBe('Unauthorized');
    expect(x?.headline).toBe(
      'Server closed with 4401 Unauthorized (GraphQL WS): the client subscribed before the server acknowledged the connection (connection_ack)',
    );
    expect(x?.generic.name).toBe('Private use');
    expect(x?.info.checks[0]).toContain('graphql-ws clients treat it as fatal');
    // Without the protocol, the generic text.
    expect(explainRow(s, null)?.info.name).toBe('Private use');
    // The same socket of another protocol: the code means nothing to it.
    expect(explainRow(s, protocol('mqtt'))?.info.name).toBe('Private use');
  });

  it("puts the Action Cable goodbye beside the server's 1000, which then means 'after disconnect'", () => {
    const capture = loadCapture('action-cable');
    const last = capture.sockets[capture.sockets.length - 1];
    if (!last) throw new Error('empty capture');
    const log = logAfter([events('d', captureEvents(last, 1))]);
    const s = socketOf(log, 'd:1');
    const cable = protocol('action-cable');
    expect(explainRow(s, cable)?.info.name).toBe('Normal Closure');
    const d = new SocketDecoding(cable, socketFacts(s), s.messages);
    d.advance(s.messages);
    const x = explainDecoded(s, d);
    expect(x?.app?.goodbye?.summary).toBe('disconnect unauthorized reconnect false');
    expect(x?.app?.goodbye?.dir).toBe('received');
    expect(x?.info.name).toBe('Normal Closure (after disconnect)');
    expect(x?.info.causes[0]).toMatch(/^Action Cable: /);
  });

  it('says a drop followed missed heartbeats, in the headline', () => {
    const io = protocol('socket-io');
    const url = 'ws://h/socket.io/?EIO=4&transport=websocket';
    const open = '0{"sid":"s","upgrades":[],"pingInterval":1000,"pingTimeout":1000}';
    let log = logAfter([
      events('d', [ev.created(1, 1, url), ev.open(1, 2), ev.message(1, 3, open), ev.message(1, 4, '2')]),
    ]);
    // The last ping at t=1004; the drop 20 s later.
    log = reduceLog(log, [events('d', [{ ...ev.closed(1, 5, 1006, false), t: 21_004 }])]);
    const s = socketOf(log, 'd:1');
    const d = new SocketDecoding(io, socketFacts(s), s.messages);
    d.advance(s.messages);
    const x = explainDecoded(s, d);
    expect(x?.headline).toBe('Connection dropped after missed heartbeats: no Socket.IO ping for 20 s');
    expect(x?.app?.heartbeat?.verdict).toBe('missed');
  });

  it("leaves a close the tester injected as the tester's", () => {
    const log = logAfter([
      events('d', [
        { ...ev.created(1, 1, 'ws://h/graphql'), protocols: ['graphql-transport-ws'] },
        { ...ev.open(1, 2), protocol: 'graphql-transport-ws' },
        { type: 'injected', socket: 1, seq: 3, t: 1003, action: 'close', code: 4401, reason: 'x' },
        { ...ev.closed(1, 4, 4401, true, 'x'), injected: true },
      ]),
    ]);
    const x = explainRow(socketOf(log, 'd:1'), protocol('graphql-ws'));
    expect(x?.initiator).toBe('tester');
    expect(x?.info.name).toBe('Private use');
  });
});
