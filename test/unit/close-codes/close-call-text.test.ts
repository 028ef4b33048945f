import { describe, expect, it } from 'vitest';
import { closeCallText, injectionText } from '../../../src/close-codes/close-call-text';
import { handshakeText } from '../../../src/close-codes/handshake-report';

describe('close call and handshake texts', () => {
  it('writes a close call as made, the reason as a JSON string', () => {
    expect(closeCallText(null, null)).toBe('close()');
    expect(closeCallText(1000, null)).toBe('close(1000)');
    expect(closeCallText(4001, '')).toBe('close(4001, "")');
    expect(closeCallText(4001, 'a "b"\n<i>')).toBe('close(4001, "a \\"b\\"\\n<i>")');
  });

  it('names what the tester injected; an empty reason is no reason', () => {
    expect(injectionText({ action: 'drop', code: null, reason: null })).toBe('simulated drop');
    expect(injectionText({ action: 'close', code: 4321, reason: '' })).toBe('close(4321)');
    expect(injectionText({ action: 'close', code: 3000, reason: 'x' })).toBe('close(3000, "x")');
  });

  it('says what the browser reported about a handshake in a few words', () => {
    const report = {
      requestId: '1',
      frameId: 0,
      url: 'ws://x/',
      at: 1,
      statusCode: null,
      statusLine: null,
      error: null,
    };
    expect(handshakeText({ ...report, statusCode: 403, statusLine: 'HTTP/1.1 403 Forbidden' })).toBe(
      'HTTP 403 Forbidden',
    );
    expect(handshakeText({ ...report, statusCode: 502 })).toBe('HTTP 502');
    expect(handshakeText({ ...report, error: 'net::ERR_FAILED' })).toBe('net::ERR_FAILED');
  });
});
