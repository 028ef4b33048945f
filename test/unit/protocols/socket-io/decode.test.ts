import { describe, expect, it } from 'vitest';
import { decode } from '../../../../src/protocols/socket-io/decode';
import { createSession } from '../../../../src/protocols/socket-io/session';
import { socketIo } from '../../../../src/protocols/socket-io';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, loadCapture, message, summaries, truncate } from '../captures';

function run(...messages: MessagePreview[]) {
  const session = socketIo.createSession({
    url: 'ws://h/socket.io/?EIO=4&transport=websocket',
    protocols: [],
    protocol: '',
  });
  return messages.map((m) => session.decode(m));
}

// test/fixtures/captures/socket-io.json: socket.io-client 4.8.4 against socket.io 4.8.4 in Chromium.
describe('Socket.IO on captured traffic', () => {
  const [dropped, kicked, left] = analyzeCapture('socket-io');

  it('decodes open, connect, events with acks and binary attachments', () => {
    expect(dropped && summaries(dropped)).toEqual([
      'open pingInterval 25 s pingTimeout 20 s',
      'CONNECT /',
      'CONNECT /',
      'event echo ack 0 (1 binary attachment)',
      'binary attachment 1 of 1 for event echo (3 bytes)',
      'ack 0 (1 binary attachment)',
      'binary attachment 1 of 1 for ack 0 (3 bytes)',
      'event ask-news',
      'event news (1 binary attachment)',
      'binary attachment 1 of 1 for event news (3 bytes)',
      'event drop',
    ]);
    expect(dropped?.messages.map((m) => m.decoded.event).filter(Boolean)).toEqual([
      'echo',
      'ask-news',
      'news',
      'drop',
    ]);
  });

  it('the server kick is the goodbye: DISCONNECT, no reconnect', () => {
    expect(kicked?.close?.goodbye).toMatchObject({
      protocol: 'socket-io',
      name: 'DISCONNECT',
      reason: 'io server disconnect',
      reconnect: false,
      dir: 'received',
      summary: 'DISCONNECT /',
    });
    expect(left?.close?.goodbye).toMatchObject({ reason: 'io client disconnect', dir: 'sent' });
  });

  it('reads pingInterval and pingTimeout from the open packet into the heartbeat policy', () => {
    const s = createSession();
    const capture = loadCapture('socket-io');
    const open = capture.sockets[0]?.messages[0];
    if (open?.preview == null) throw new Error('capture without its open packet');
    decode({ ...open, preview: open.preview.replace('25000', '10000') }, s);
    expect(s).toMatchObject({ pingInterval: 10_000, pingTimeout: 20_000 });
  });

  it('decodes what a truncated event holds and says so', () => {
    const event = message('sent', '42["chat:message",{"text":"' + 'x'.repeat(2000) + '"}]');
    const [d] = run(truncate(event, 1024));
    expect(d).toMatchObject({
      type: 'EVENT',
      summary: 'event chat:message',
      event: 'chat:message',
      partial: true,
    });
    expect(d?.error).toBeUndefined();
  });
});

describe('Socket.IO packets from the protocol document', () => {
  it('namespace and ack id', () => {
    expect(run(message('received', '43/admin,12["ok"]'))[0]).toMatchObject({
      type: 'ACK',
      summary: 'ack 12 /admin',
    });
    expect(run(message('sent', '42/chat,7["join",{"room":1}]'))[0]).toMatchObject({
      summary: 'event join /chat ack 7',
      event: 'join',
    });
  });

  it('CONNECT_ERROR is a goodbye with the server message', () => {
    const [d] = run(message('received', '44{"message":"Not authorized","data":{"code":401}}'));
    expect(d).toMatchObject({ type: 'CONNECT_ERROR', summary: 'CONNECT_ERROR "Not authorized"' });
    expect(d?.goodbye).toMatchObject({ name: 'CONNECT_ERROR', reason: 'Not authorized', reconnect: false });
  });

  it('heartbeats are 2 and 3; upgrade probes are not heartbeats', () => {
    const [ping, pong, probe, probeReply] = run(
      message('received', '2'),
      message('sent', '3'),
      message('sent', '2probe'),
      message('received', '3probe'),
    );
    expect([ping?.heartbeat, pong?.heartbeat, probe?.heartbeat, probeReply?.heartbeat]).toEqual([
      'ping',
      'pong',
      undefined,
      undefined,
    ]);
    expect(probe?.summary).toBe('upgrade ping probe');
  });

  it('binary attachments are counted against their packet, then plain binary again', () => {
    const out = run(
      message('received', '452-["file",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]'),
      message('received', '0102', { kind: 'binary' }),
      message('received', '03', { kind: 'binary' }),
      message('received', '04', { kind: 'binary' }),
    );
    expect(out.map((d) => d.summary)).toEqual([
      'event file (2 binary attachments)',
      'binary attachment 1 of 2 for event file (2 bytes)',
      'binary attachment 2 of 2 for event file (1 bytes)',
      'binary message (1 bytes)',
    ]);
  });

  it('malformed packets are reported, never thrown', () => {
    const out = run(
      message('received', 'x'),
      message('received', '42{"not":"an array"}'),
      message('received', '45abc'),
      message('received', '0not json'),
    );
    expect(out.map((d) => d.error !== undefined)).toEqual([true, true, false, true]);
    expect(out[2]?.summary).toBe('message "5abc"');
  });
});
