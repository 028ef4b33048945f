import { describe, expect, it } from 'vitest';
import { signalR } from '../../../../src/protocols/signalr';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, message, summaries, truncate } from '../captures';

const RS = '\u001e';

function run(...messages: MessagePreview[]) {
  const session = signalR.createSession({
    url: 'ws://h/hub?id=abcdefghijklmnopqrstuv',
    protocols: [],
    protocol: '',
  });
  return messages.map((m) => session.decode(m));
}

// test/fixtures/captures/signalr.json: @microsoft/signalr 10.0.11 against the spec-written hub in Chromium.
describe('SignalR on captured traffic', () => {
  const [socket] = analyzeCapture('signalr');

  it('is detected by its connection token and decodes handshake, calls and records sharing a message', () => {
    expect(socket?.detection.detectedBy).toBe('url');
    expect(socket && summaries(socket)).toEqual([
      'handshake json version 1',
      'handshake response: ok',
      'ping',
      'invoke Echo id 0',
      'completion 0 · ping',
      'invoke Broadcast id 1',
      'invoke ReceiveMessage',
      'completion 1',
      'invoke Fail id 2',
      'close error "Connection closed with an error. InvalidOperationException:…"',
      'close',
    ]);
  });

  it("the server's Close with error is the goodbye, not the client's Close that acknowledges it", () => {
    expect(socket?.close?.goodbye).toMatchObject({
      name: 'Close',
      dir: 'received',
      reconnect: false,
      reason: "Connection closed with an error. InvalidOperationException: Hub method 'Fail' threw.",
    });
    expect(socket?.messages.at(-1)?.decoded.goodbye).toBeUndefined();
  });
});

describe('SignalR JSON hub protocol', () => {
  it('a handshake error is a goodbye', () => {
    const out = run(
      message('sent', `{"protocol":"json","version":1}${RS}`),
      message('received', `{"error":"Requested protocol 'json' is not available."}${RS}`),
    );
    expect(out[1]?.goodbye).toMatchObject({
      name: 'Handshake error',
      reason: "Requested protocol 'json' is not available.",
    });
  });

  it('Close with allowReconnect, stream items, cancels, and unknown types', () => {
    const out = run(
      message('sent', `{"protocol":"json","version":1}${RS}`),
      message('received', `{}${RS}`),
      message(
        'received',
        `{"type":2,"invocationId":"4","item":1}${RS}{"type":5,"invocationId":"4"}${RS}{"type":42}${RS}`,
      ),
      message('received', `{"type":7,"error":"restart","allowReconnect":true}${RS}`),
    );
    expect(out[2]?.summary).toBe('stream item 4 · cancel 4 · unknown message type 42');
    expect(out[2]?.error).toBe('not a hub protocol message type');
    expect(out[3]?.goodbye).toMatchObject({ reconnect: true, reason: 'restart' });
  });

  it('a record cut by a truncated preview decodes what it holds', () => {
    const out = run(
      message('sent', `{"protocol":"json","version":1}${RS}`),
      message('received', `{}${RS}`),
      truncate(
        message('received', `{"type":1,"target":"Receive","arguments":["${'x'.repeat(2000)}"]}${RS}`),
        1024,
      ),
    );
    expect(out[2]).toMatchObject({ summary: 'invoke Receive', event: 'Receive', partial: true });
  });
});
