import { describe, expect, it } from 'vitest';
import { phoenix } from '../../../../src/protocols/phoenix';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, message, summaries } from '../captures';

function run(...messages: MessagePreview[]) {
  const session = phoenix.createSession({
    url: 'ws://h/socket/websocket?vsn=2.0.0',
    protocols: [],
    protocol: '',
  });
  return messages.map((m) => session.decode(m));
}

function hex(bytes: number[], text: string): string {
  return [...bytes, ...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// test/fixtures/captures/phoenix.json: phoenix 1.8.16 (phoenix.js) against the spec-written endpoint in Chromium.
describe('Phoenix on captured traffic', () => {
  const [socket] = analyzeCapture('phoenix');

  it('decodes joins, a refused join, replies, broadcasts and heartbeats', () => {
    expect(socket && summaries(socket)).toEqual([
      'phx_join room:secret',
      'phx_reply room:secret error (join)',
      'phx_leave room:secret',
      'phx_join room:lobby',
      'phx_reply room:secret ok',
      'phx_reply room:lobby ok (join)',
      'new_msg room:lobby',
      'phx_reply room:lobby ok',
      'new_msg room:lobby',
      'heartbeat',
      'phx_reply phoenix ok',
      'heartbeat',
      'phx_reply phoenix ok',
      'crash room:lobby',
      'phx_error room:lobby',
    ]);
    expect(socket?.messages.map((m) => m.decoded.heartbeat).filter(Boolean)).toEqual([
      'ping',
      'pong',
      'ping',
      'pong',
    ]);
    expect(socket?.messages[1]?.decoded.goodbye).toMatchObject({
      name: 'join refused',
      reason: 'unauthorized',
    });
  });

  it('phx_error is the last goodbye before the page disconnects', () => {
    expect(socket?.close?.goodbye).toMatchObject({
      name: 'phx_error',
      reason: 'room:lobby',
      reconnect: true,
    });
  });
});

describe('Phoenix serializers', () => {
  it('v1 objects decode like v2 arrays', () => {
    const [join, reply] = run(
      message('sent', '{"topic":"room:1","event":"phx_join","payload":{},"ref":"1"}'),
      message(
        'received',
        '{"topic":"room:1","event":"phx_reply","payload":{"status":"error","response":{"reason":"unmatched topic"}},"ref":"1"}',
      ),
    );
    expect(join?.summary).toBe('phx_join room:1');
    expect(reply?.goodbye?.explanation).toMatch(/no channel is defined for this topic/);
  });

  it('v2 binary push, reply and broadcast', () => {
    const out = run(
      message('sent', hex([0, 1, 1, 6, 6], '11room:1upload') + 'ff00', { kind: 'binary' }),
      message('received', hex([1, 1, 1, 6, 2], '12room:1ok'), { kind: 'binary' }),
      message('received', hex([2, 6, 4], 'room:1ping') + '0102', { kind: 'binary' }),
    );
    expect(out.map((d) => d.summary)).toEqual(['upload room:1', 'phx_reply room:1 ok', 'ping room:1']);
    expect(out[0]?.tree).toMatchObject({ joinRef: '1', ref: '1', payloadBytes: 2 });
  });

  it('phx_close is a goodbye without a rejoin; malformed input is reported', () => {
    const out = run(
      message('received', '["1","1","room:1","phx_close",{}]'),
      message('received', '[1,2]'),
      message('received', '09', { kind: 'binary' }),
    );
    expect(out[0]?.goodbye).toMatchObject({ name: 'phx_close', reconnect: false });
    expect(out.slice(1).map((d) => d.error)).toEqual([
      'expected [join_ref, ref, topic, event, payload]',
      'unknown binary message kind 9',
    ]);
  });

  it('1000 means a heartbeat timeout only with that reason', () => {
    expect(phoenix.closeCode(1000, 'heartbeat timeout')?.name).toBe('Heartbeat timeout');
    expect(phoenix.closeCode(1000, '')).toBeNull();
  });
});
