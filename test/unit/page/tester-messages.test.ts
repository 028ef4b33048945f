import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import { patchWebSocket } from '../../../src/page/recorder';
import { bytesOf, originOf } from '../../../src/page/tester-messages';
import {
  injectCommand,
  isInjectCommand,
  MAX_TESTER_MESSAGE_BYTES,
} from '../../../src/protocol/inject-command';
import type { TesterMessage } from '../../../src/protocol/inject-command';
import { createFakeWindow, fakeNatives } from './fake-window';

/** An open socket the page listens to, as a page's onmessage would. */
function setup(url = 'ws://a.test/chat') {
  const fake = createFakeWindow();
  const natives = fakeNatives(fake);
  const history = new PageHistory('doc', natives);
  const control = patchWebSocket(fake.win, natives, history, { push: () => undefined });
  const ws = new fake.win.WebSocket(url);
  const s = fake.sockets[0]!;
  s.open();
  const seen: { data: unknown; origin: string; trusted: boolean }[] = [];
  ws.addEventListener('message', (e) =>
    seen.push({
      data: e.data,
      origin: e.origin,
      trusted: fake.trusted.has(e),
    }),
  );
  const talk = (action: 'send' | 'receive', message: TesterMessage) =>
    control.inject(injectCommand('doc', 1, { action, message }));
  const messages = () =>
    history
      .messages()
      .map(({ dir, kind, jsType, size, preview, tester }) => ({ dir, kind, jsType, size, preview, tester }));
  return { fake, ws, s, seen, talk, history, messages, summary: () => history.summaryOf(1) };
}

afterEach(() => vi.useRealTimers());

describe('the tester sends as the page', () => {
  it('calls the native send, past the page’s own send wrapper, and records it as the tester’s', () => {
    const { fake, ws, s, talk, messages, summary } = setup();
    const wrapped: unknown[] = [];
    const pageSend = fake.win.WebSocket.prototype.send;
    fake.win.WebSocket.prototype.send = function (this: WebSocket, data: string) {
      wrapped.push(data);
      pageSend.call(this, data);
    };
    ws.send('from the page');
    talk('send', { kind: 'text', data: 'héllo' });
    talk('send', { kind: 'binary', data: 'cafe00ff' });
    expect(wrapped).toEqual(['from the page']);
    expect(s.sent.slice(0, 2)).toEqual(['from the page', 'héllo']);
    expect([...new Uint8Array(s.sent[2] as ArrayBuffer)]).toEqual([0xca, 0xfe, 0x00, 0xff]);
    expect(messages()).toEqual([
      { dir: 'sent', kind: 'text', jsType: 'string', size: 13, preview: 'from the page', tester: undefined },
      { dir: 'sent', kind: 'text', jsType: 'string', size: 6, preview: 'héllo', tester: true },
      { dir: 'sent', kind: 'binary', jsType: 'ArrayBuffer', size: 4, preview: 'cafe00ff', tester: true },
    ]);
    expect(summary()).toMatchObject({
      sent: { messages: 1, bytes: 13 },
      received: { messages: 0, bytes: 0 },
      tester: { sent: { messages: 2, bytes: 10 }, injected: { messages: 0, bytes: 0 } },
    });
  });

  it('does nothing on a socket that is not open', () => {
    const { ws, s, talk, messages } = setup();
    ws.close();
    talk('send', { kind: 'text', data: 'late' });
    expect(s.sent).toEqual([]);
    expect(messages()).toEqual([]);
  });
});

describe('the tester injects as received', () => {
  it('delivers a message event in a task of its own, after messages already queued, untrusted, with the URL’s origin', () => {
    vi.useFakeTimers();
    const { s, seen, talk, messages, summary } = setup('ws://user:pw@a.test:8080/chat?x=1');
    talk('receive', { kind: 'text', data: '{"type":"hi"}' });
    expect(seen).toEqual([]);
    s.receive('already queued');
    vi.runAllTimers();
    expect(seen).toEqual([
      { data: 'already queued', origin: 'ws://a.test:8080', trusted: true },
      { data: '{"type":"hi"}', origin: 'ws://a.test:8080', trusted: false },
    ]);
    expect(messages()).toEqual([
      {
        dir: 'received',
        kind: 'text',
        jsType: 'string',
        size: 14,
        preview: 'already queued',
        tester: undefined,
      },
      { dir: 'received', kind: 'text', jsType: 'string', size: 13, preview: '{"type":"hi"}', tester: true },
    ]);
    expect(summary()).toMatchObject({
      received: { messages: 1, bytes: 14 },
      tester: { sent: { messages: 0, bytes: 0 }, injected: { messages: 1, bytes: 13 } },
    });
  });

  it('types binary data by the socket’s binaryType: an ArrayBuffer or a Blob', async () => {
    vi.useFakeTimers();
    const { ws, seen, talk, messages } = setup();
    ws.binaryType = 'arraybuffer';
    talk('receive', { kind: 'binary', data: '00ff10' });
    vi.runAllTimers();
    ws.binaryType = 'blob';
    talk('receive', { kind: 'binary', data: 'abcd' });
    vi.runAllTimers();
    const [buffer, blob] = seen.map((e) => e.data);
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buffer as ArrayBuffer)]).toEqual([0x00, 0xff, 0x10]);
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (blob as Blob).arrayBuffer())]).toEqual([0xab, 0xcd]);
    expect(messages().map((m) => [m.jsType, m.size, m.tester])).toEqual([
      ['ArrayBuffer', 3, true],
      ['Blob', 2, true],
    ]);
  });

  it('delivers nothing to a socket that closed before its turn came', () => {
    vi.useFakeTimers();
    const { s, seen, talk, messages } = setup();
    talk('receive', { kind: 'text', data: 'too late' });
    s.closeFromServer(1000, '', true);
    vi.runAllTimers();
    expect(seen).toEqual([]);
    expect(messages()).toEqual([]);
  });
});

describe('tester message commands', () => {
  it('are checked by hand: kind, lower-case hex of whole bytes, the size limit, no close arguments', () => {
    const ok = injectCommand('d', 1, { action: 'receive', message: { kind: 'binary', data: '00ff' } });
    expect(isInjectCommand(ok)).toBe(true);
    expect(isInjectCommand({ ...ok, action: 'send' })).toBe(true);
    const text = (data: string) => ({ ...ok, message: { kind: 'text', data } });
    expect(isInjectCommand(text('é'.repeat(MAX_TESTER_MESSAGE_BYTES / 2)))).toBe(true);
    for (const bad of [
      { ...ok, message: { kind: 'binary', data: '0ff' } },
      { ...ok, message: { kind: 'binary', data: '00FF' } },
      { ...ok, message: { kind: 'binary', data: '00 ff' } },
      { ...ok, message: { kind: 'blob', data: '00' } },
      { ...ok, message: { kind: 'text', data: 7 } },
      { ...ok, message: null },
      { ...ok, code: 1000 },
      { ...ok, action: 'drop' },
      text('é'.repeat(MAX_TESTER_MESSAGE_BYTES / 2 + 1)),
    ])
      expect(isInjectCommand(bad)).toBe(false);
  });

  it('decode hex to bytes and find the origin of a URL the browser serialised', () => {
    expect([...new Uint8Array(bytesOf('00090a0f10a0ff'))]).toEqual([0, 9, 10, 15, 16, 160, 255]);
    expect(originOf('wss://example.test/a/b?c=d')).toBe('wss://example.test');
    expect(originOf('ws://127.0.0.1:8080/')).toBe('ws://127.0.0.1:8080');
    expect(originOf('ws://u:p@[::1]:9/x')).toBe('ws://[::1]:9');
  });
});
