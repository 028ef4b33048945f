import { describe, expect, it } from 'vitest';
import { SocketDecoding } from '../../../../src/log/app-protocols/socket-decoding';
import { PreviewLog } from '../../../../src/log/preview-log';
import type { MessageRecord } from '../../../../src/log/socket-record';
import { detectProtocol } from '../../../../src/protocols';
import type { Decoded, MessagePreview, Protocol, SocketFacts } from '../../../../src/protocols';
import { loadCapture, message } from '../../protocols/captures';
import { messageEvent } from './capture-events';

function records(messages: readonly MessagePreview[]): MessageRecord[] {
  return messages.map((m, i) => {
    const e = messageEvent(1, i + 1, m);
    if (e.type !== 'message') throw new Error('not a message');
    return e;
  });
}

/** The MQTT capture's first socket (packets split byte by byte) four times over: 96 messages. */
function longMqtt(): { facts: SocketFacts; protocol: Protocol; messages: MessageRecord[] } {
  const s = loadCapture('mqtt').sockets[0];
  if (!s) throw new Error('no MQTT capture');
  const protocol = detectProtocol(s.socket, s.messages)?.protocol;
  if (!protocol) throw new Error('MQTT not detected');
  return {
    facts: s.socket,
    protocol,
    messages: records([...s.messages, ...s.messages, ...s.messages, ...s.messages]),
  };
}

function straight(protocol: Protocol, facts: SocketFacts, messages: readonly MessagePreview[]): Decoded[] {
  const session = protocol.createSession(facts);
  return messages.map((m) => session.decode(m));
}

function withoutTree({ tree: _tree, parts, ...rest }: Decoded): Decoded {
  return parts === undefined ? rest : { ...rest, parts: parts.map(withoutTree) };
}

describe('SocketDecoding', () => {
  it('decodes as previews arrive, each once, into rows without trees', () => {
    const { facts, protocol, messages } = longMqtt();
    const expected = straight(protocol, facts, messages);
    const d = new SocketDecoding(protocol, facts, PreviewLog.empty());
    let log = PreviewLog.empty();
    for (const m of messages) {
      log = log.append(m);
      if (m.seq % 7 === 0) d.advance(log);
    }
    d.advance(log);
    expect(d.decodedUpTo).toBe(messages.length);
    expect(messages.map((_, o) => d.row(o))).toEqual(expected.map(withoutTree));
    expect(expected.some((x) => x.tree !== undefined)).toBe(true);
    expect(d.messages(log).map((m) => m.decoded.summary)).toEqual(expected.map((x) => x.summary));
    expect(d.names).toContain('PUBLISH');
    expect(d.names).toContain('sensors/1');
  });

  it('makes the detail tree of any message again, from the session as it was before it', () => {
    const { facts, protocol, messages } = longMqtt();
    const expected = straight(protocol, facts, messages);
    const log = PreviewLog.of(messages);
    const d = new SocketDecoding(protocol, facts, log);
    d.advance(log);
    for (let o = messages.length - 1; o >= 0; o--) expect(d.detail(o, log)).toEqual(expected[o]);
  });

  it('says where decoding started when earlier previews were dropped first, and what it missed', () => {
    const { facts, protocol, messages } = longMqtt();
    const full = PreviewLog.of(messages);
    const d = new SocketDecoding(protocol, facts, full.dropOldest(10));
    expect(d.start).toBe(10);
    d.advance(full.dropOldest(10));
    expect(d.row(9)).toBeUndefined();
    expect(d.row(10)?.summary).toBeDefined();

    // Decoded up to 20, then not looked at while 30 more arrived and the oldest 30 were dropped.
    const e = new SocketDecoding(protocol, facts, PreviewLog.empty());
    let log = PreviewLog.of(messages.slice(0, 20));
    e.advance(log);
    for (const m of messages.slice(20, 50)) log = log.append(m);
    log = log.dropOldest(30);
    e.advance(log);
    expect(e.start).toBe(0);
    expect(e.missed).toBe(10);
    expect([e.row(19), e.row(29)]).toEqual([undefined, undefined]);
    expect(e.row(30)).toBeDefined();
    expect(e.decodedUpTo).toBe(50);
  });
});

describe('a long socket.io stream', () => {
  it('labels each binary attachment for its event, in rows and in trees made again', () => {
    const open = message('received', '0{"sid":"s","upgrades":[],"pingInterval":25000,"pingTimeout":20000}');
    const list: MessagePreview[] = [open, message('sent', '40'), message('received', '40{"sid":"n"}')];
    for (let i = 0; i < 100; i++) {
      list.push(message('received', `451-["frame",{"_placeholder":true,"num":0},${i}]`));
      list.push(message('received', '010203', { kind: 'binary', size: 3 }));
    }
    const facts = { url: 'ws://h/socket.io/?EIO=4&transport=websocket', protocols: [], protocol: '' };
    const protocol = detectProtocol(facts, list)?.protocol;
    if (!protocol) throw new Error('Socket.IO not detected');
    const log = PreviewLog.of(records(list));
    const d = new SocketDecoding(protocol, facts, log);
    d.advance(log);
    expect(d.row(200)?.summary).toBe('binary attachment 1 of 1 for event frame (3 bytes)');
    expect(d.detail(200, log)?.summary).toBe('binary attachment 1 of 1 for event frame (3 bytes)');
    expect(d.detail(199, log)?.tree).toMatchObject({
      packet: 'BINARY_EVENT',
      data: ['frame', { _placeholder: true, num: 0 }, 98],
    });
  });
});
