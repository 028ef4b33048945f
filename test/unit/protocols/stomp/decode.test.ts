import { describe, expect, it } from 'vitest';
import { stomp } from '../../../../src/protocols/stomp';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, loadCapture, message, summaries, truncate } from '../captures';
import { STOMP_SCRIPT_SUMMARIES } from './script-summaries';

function run(...messages: MessagePreview[]) {
  const session = stomp.createSession({
    url: 'ws://h/stomp',
    protocols: ['v12.stomp'],
    protocol: 'v12.stomp',
  });
  return { decoded: messages.map((m) => session.decode(m)), session };
}

// test/fixtures/captures/stomp.json: @stomp/stompjs 7.5.0 against the spec-written broker in Chromium.
describe('STOMP on captured traffic', () => {
  const [socket] = analyzeCapture('stomp');

  it('decodes frames, destinations and heart-beats', () => {
    expect(socket && summaries(socket)).toEqual(STOMP_SCRIPT_SUMMARIES);
    expect(
      socket?.messages
        .filter((m) => m.decoded.heartbeat === 'ping')
        .map((m) => m.message.dir)
        .sort(),
    ).toEqual(['received', 'sent']);
  });

  it('the ERROR frame is the goodbye, with its message and body', () => {
    expect(socket?.close?.goodbye).toMatchObject({ name: 'ERROR', reason: 'Access denied', dir: 'received' });
    expect(socket?.close?.goodbye?.explanation).toMatch(
      /You may not send to \/queue\/forbidden.*1\.2 server closes/,
    );
  });

  it('negotiates the heart-beat policy from CONNECT and CONNECTED', () => {
    const capture = loadCapture('stomp').sockets[0];
    const { session } = run(...(capture?.messages.slice(0, 2) ?? []));
    expect(session.heartbeat()).toMatchObject({
      from: 'server',
      intervalMs: 300,
      timeoutMs: 600,
      negotiated: true,
    });
  });
});

describe('STOMP frames from the specification', () => {
  it('no heart-beat header means 0,0: no heartbeat policy', () => {
    const { session } = run(
      message('sent', 'CONNECT\naccept-version:1.2\nhost:h\n\n\0'),
      message('received', 'CONNECTED\nversion:1.2\n\n\0'),
    );
    expect(session.heartbeat()).toBeNull();
  });

  it('unescapes headers (1.2) except in CONNECT/CONNECTED, and takes the first of repeated headers', () => {
    const { decoded } = run(
      message(
        'received',
        'MESSAGE\ndestination:/topic/a\\cb\\\\c\ndestination:/ignored\nmessage-id:1\nsubscription:0\n\nbody\0',
      ),
    );
    expect(decoded[0]).toMatchObject({ summary: 'MESSAGE /topic/a:b\\c', event: '/topic/a:b\\c' });
  });

  it('several frames in one message, with CRLF and EOLs between them', () => {
    const { decoded } = run(
      message('received', 'RECEIPT\r\nreceipt-id:7\r\n\r\n\0\nRECEIPT\nreceipt-id:8\n\n\0'),
    );
    expect(decoded[0]?.summary).toBe('RECEIPT receipt-id 7 · RECEIPT receipt-id 8');
  });

  it("DISCONNECT with a receipt is the client's goodbye", () => {
    const { decoded } = run(message('sent', 'DISCONNECT\nreceipt:close-2\n\n\0'));
    expect(decoded[0]?.goodbye).toMatchObject({ name: 'DISCONNECT', code: 'close-2', reconnect: false });
  });

  it('a truncated frame decodes its headers, marked partial', () => {
    const { decoded } = run(
      truncate(
        message('received', `MESSAGE\ndestination:/topic/prices\nmessage-id:1\n\n${'x'.repeat(3000)}\0`),
        1024,
      ),
    );
    expect(decoded[0]).toMatchObject({ summary: 'MESSAGE /topic/prices', partial: true });
    expect(
      run(truncate(message('received', 'MESSAGE\ndestination:/topic/prices\nmessage-id:1\n\n'), 20))
        .decoded[0],
    ).toMatchObject({ type: 'MESSAGE', partial: true });
  });

  it('malformed frames are reported', () => {
    const { decoded } = run(message('received', 'hello world'), message('received', 'SEND\ndestination:/a'));
    expect(decoded.map((d) => d.error)).toEqual([
      expect.stringMatching(/^not a STOMP frame/),
      'frame without the blank line that ends its headers',
    ]);
  });
});
