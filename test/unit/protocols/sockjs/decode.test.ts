import { describe, expect, it } from 'vitest';
import { sockJs } from '../../../../src/protocols/sockjs';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, loadCapture, message, summaries, truncate } from '../captures';
import { STOMP_SCRIPT_SUMMARIES } from '../stomp/script-summaries';

function run(...messages: MessagePreview[]) {
  const session = sockJs.createSession({
    url: 'ws://h/echo/123/abcdefgh/websocket',
    protocols: [],
    protocol: '',
  });
  return { decoded: messages.map((m) => session.decode(m)), session };
}

// test/fixtures/captures/sockjs.json: sockjs-client 1.6.1 against sockjs-node 0.3.24 in Chromium.
describe('SockJS on captured traffic', () => {
  const [socket] = analyzeCapture('sockjs');

  it('is detected by its session URL and decodes its frames', () => {
    expect(socket?.detection).toMatchObject({ detectedBy: 'url' });
    expect(socket && summaries(socket)).toEqual([
      'open',
      'send "hello"',
      'message "hello"',
      'send "{\\"json\\":true}"',
      'message "{\\"json\\":true}"',
      'send "bye"',
      'close 3000 "Go away!"',
    ]);
  });

  it('puts the c frame beside the 1000 that sockjs-node closes with', () => {
    expect(socket?.close?.goodbye).toMatchObject({ code: 3000, reason: 'Go away!', reconnect: false });
    expect(socket?.close?.closeCode?.code).toBe(1000);
    expect(socket?.close?.lines[0]).toMatch(/only in the stream/);
  });
});

// test/fixtures/captures/stomp-sockjs.json: @stomp/stompjs over sockjs-client, the STOMP broker behind sockjs-node.
describe('STOMP carried inside SockJS on captured traffic', () => {
  const [socket] = analyzeCapture('stomp-sockjs');

  it('decodes the STOMP frames inside the SockJS messages once the CONNECT went by', () => {
    expect(socket && summaries(socket)).toEqual([
      'open',
      ...STOMP_SCRIPT_SUMMARIES,
      'close 1000 "Normal closure"',
    ]);
  });

  it('the STOMP ERROR stays the goodbye: the default SockJS close after it adds nothing', () => {
    expect(socket?.close?.goodbye).toMatchObject({
      protocol: 'stomp',
      name: 'ERROR',
      reason: 'Access denied',
    });
    expect(socket?.close?.lines[0]).toMatch(
      /^Last STOMP \(over SockJS\) goodbye before the close, from the server: ERROR Access denied\./,
    );
  });

  it('takes the heart-beat policy STOMP negotiated inside', () => {
    const capture = loadCapture('stomp-sockjs').sockets[0];
    const { session } = run(...(capture?.messages.slice(0, 3) ?? []));
    expect(session.heartbeat()).toMatchObject({ beatName: 'STOMP heart-beat', intervalMs: 300 });
  });

  it('text that is not STOMP stays plain SockJS messages', () => {
    const { decoded } = run(
      message('sent', '["CONNECTED is not a client frame"]'),
      message('received', 'a["MESSAGE\\n"]'),
    );
    expect(decoded.map((d) => d.summary)).toEqual([
      'send "CONNECTED is not a client frame"',
      'message "MESSAGE "',
    ]);
  });
});

describe('SockJS frames from the protocol', () => {
  it('h is a heartbeat, and once seen the session holds a heartbeat policy', () => {
    const { decoded, session } = run(message('received', 'o'), message('received', 'h'));
    expect(decoded[1]).toMatchObject({ type: 'heartbeat', heartbeat: 'ping' });
    expect(session.heartbeat()?.intervalMs).toBe(25_000);
    expect(run(message('received', 'o')).session.heartbeat()).toBeNull();
  });

  it('an array frame of several messages is one row with its parts', () => {
    const { decoded } = run(message('received', 'a["one","two","three"]'));
    expect(decoded[0]).toMatchObject({
      type: 'message',
      summary: '3 messages: message "one" · message "two" · message "three"',
    });
    expect(decoded[0]?.parts).toHaveLength(3);
  });

  it('a truncated array frame decodes what it holds', () => {
    const { decoded } = run(truncate(message('received', 'a["first","second is long"]'), 16));
    expect(decoded[0]).toMatchObject({
      summary: '2 messages: message "first" · message "secon"',
      partial: true,
    });
  });

  it('unknown frames and binary are reported as malformed', () => {
    const { decoded } = run(
      message('received', 'z'),
      message('received', '00', { kind: 'binary' }),
      message('received', 'c[3000'),
    );
    expect(decoded.map((d) => d.error !== undefined)).toEqual([true, true, true]);
  });
});
