import { describe, expect, it } from 'vitest';
import { ProtocolDetector } from '../../../../src/log/app-protocols/detector';
import { reduceLog } from '../../../../src/log/log-reducer';
import { ev } from '../../event-builders';
import { loadCapture } from '../../protocols/captures';
import { events, logAfter, roomy, socketOf } from '../log-builders';
import { messageEvent } from './capture-events';

const detected = (d: ProtocolDetector, log: Parameters<ProtocolDetector['update']>[0], id: string) => {
  d.update(log);
  const x = d.detected(socketOf(log, id));
  return x && `${x.protocol.id} by ${x.detectedBy}`;
};

describe('ProtocolDetector', () => {
  it('takes the URL first, then the negotiated subprotocol once the socket opens', () => {
    const d = new ProtocolDetector();
    let log = logAfter([events('d', [ev.created(1, 1, 'ws://h/cable')])]);
    expect(detected(d, log, 'd:1')).toBe('action-cable by url');
    log = reduceLog(log, [events('d', [{ ...ev.open(1, 2), protocol: 'mqtt' }])]);
    expect(detected(d, log, 'd:1')).toBe('mqtt by subprotocol');
  });

  it('keeps what the first messages showed after their previews were dropped', () => {
    const mqtt = loadCapture('mqtt').sockets[0];
    if (!mqtt) throw new Error('no MQTT capture');
    const d = new ProtocolDetector();
    // A server that selected no subprotocol: only the CONNECT packet tells.
    let log = logAfter([events('d', [ev.created(1, 1, 'ws://h/x'), ev.open(1, 2)])], roomy(3));
    expect(detected(d, log, 'd:1')).toBeNull();
    const [connect, ...rest] = mqtt.messages;
    if (!connect) throw new Error('capture without its CONNECT');
    log = reduceLog(log, [events('d', [messageEvent(1, 3, connect)])]);
    expect(detected(d, log, 'd:1')).toBe('mqtt by content');
    log = reduceLog(log, [
      events(
        'd',
        rest.slice(0, 12).map((m, i) => messageEvent(1, 4 + i, m)),
      ),
    ]);
    expect(socketOf(log, 'd:1').messages.dropped).toBeGreaterThan(0);
    expect(detected(d, log, 'd:1')).toBe('mqtt by content');
  });

  it('looks only at what the first ten messages show', () => {
    const d = new ProtocolDetector();
    const chatter = Array.from({ length: 10 }, (_, i) => ev.message(1, 3 + i, `hello ${i}`));
    let log = logAfter([events('d', [ev.created(1, 1, 'ws://h/x'), ev.open(1, 2), ...chatter])]);
    expect(detected(d, log, 'd:1')).toBeNull();
    log = reduceLog(log, [events('d', [ev.message(1, 13, '{"type":"welcome"}')])]);
    expect(detected(d, log, 'd:1')).toBeNull();
  });

  it('decides once: a streaming socket is not looked at again, nor are the sockets it streams beside', () => {
    const d = new ProtocolDetector();
    let log = logAfter([
      events('d', [
        ev.created(1, 1, 'ws://h/cable'),
        ev.open(1, 2),
        ev.created(2, 3, 'ws://h/socket/websocket?vsn=2.0.0'),
      ]),
    ]);
    d.update(log);
    const cable = d.detected(socketOf(log, 'd:1'));
    const phoenix = d.detected(socketOf(log, 'd:2'));
    for (let seq = 4; seq < 40; seq++) {
      log = reduceLog(log, [events('d', [ev.message(1, seq, '{"type":"ping"}')])]);
      d.update(log);
    }
    expect(d.detected(socketOf(log, 'd:1'))).toBe(cable);
    expect(d.detected(socketOf(log, 'd:2'))).toBe(phoenix);
    expect(phoenix?.protocol.id).toBe('phoenix');
  });

  it('looks at every socket again after a fresh log', () => {
    const d = new ProtocolDetector();
    const log = logAfter([events('d', [ev.created(1, 1, 'ws://h/cable')])]);
    d.update(log);
    const next = reduceLog(log, [
      { type: 'clear' },
      events('d', [ev.created(2, 2, 'ws://h/x'), ev.open(2, 3)]),
    ]);
    const after = reduceLog(next, [events('d', [{ ...ev.message(2, 4, 'o') }])]);
    // Versions skipped (`next` was never seen): the detector catches up on everything.
    expect(detected(d, after, 'd:2')).toBe('sockjs by content');
  });
});
