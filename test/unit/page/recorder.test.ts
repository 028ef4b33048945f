import { describe, expect, it, vi } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import { clampUnsignedShort, patchWebSocket } from '../../../src/page/recorder';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { TEXT_PREVIEW_CHARS } from '../../../src/protocol/envelope';
import { createFakeWindow, fakeNatives } from './fake-window';

function setup(options: { throwingSink?: boolean } = {}) {
  const fake = createFakeWindow();
  const natives = fakeNatives(fake);
  const history = new PageHistory('doc', natives);
  const lifecycle: RecorderEvent[] = [];
  patchWebSocket(fake.win, natives, history, {
    push: (e) => {
      if (options.throwingSink) throw new Error('sink broke');
      lifecycle.push(e);
    },
  });
  /** Every event in sequence order: lifecycle events as queued, messages from the history. */
  const all = () => [...lifecycle, ...history.messages()].sort((a, b) => a.seq - b.seq);
  return { ...fake, history, events: all, WS: fake.win.WebSocket };
}

const of = <T extends RecorderEvent['type']>(events: RecorderEvent[], type: T) =>
  events.filter((e): e is Extract<RecorderEvent, { type: T }> => e.type === type);

describe('patchWebSocket: recording', () => {
  it('records a socket life: creation, open, messages both ways, close()', () => {
    const { WS, sockets, events: all } = setup();
    const ws = new WS('wss://example.test/feed', ['v1', 'v2']);
    const s = sockets[0]!;
    s.open('v1', 'permessage-deflate');
    ws.send('héllo'); // é is 2 bytes in UTF-8
    s.receive('😀'); // a surrogate pair: 4 bytes
    s.receive(new Uint8Array([1, 2, 255]).buffer);
    ws.close(4001, 'bye');
    s.closeFromServer(4001, 'bye', true);

    expect(all().map((e) => e.type)).toEqual([
      'created',
      'open',
      'message',
      'message',
      'message',
      'close-call',
      'closed',
    ]);
    expect(of(all(), 'created')[0]).toMatchObject({
      socket: 1,
      url: 'wss://example.test/feed',
      protocols: ['v1', 'v2'],
      frameUrl: 'https://page.test/app',
    });
    expect(of(all(), 'open')[0]).toMatchObject({ protocol: 'v1', extensions: 'permessage-deflate' });
    expect(
      of(all(), 'message').map(({ dir, kind, jsType, size, preview }) => ({
        dir,
        kind,
        jsType,
        size,
        preview,
      })),
    ).toEqual([
      { dir: 'sent', kind: 'text', jsType: 'string', size: 6, preview: 'héllo' },
      { dir: 'received', kind: 'text', jsType: 'string', size: 4, preview: '😀' },
      { dir: 'received', kind: 'binary', jsType: 'ArrayBuffer', size: 3, preview: '0102ff' },
    ]);
    expect(of(all(), 'close-call')[0]).toMatchObject({ code: 4001, reason: 'bye' });
    expect(of(all(), 'closed')[0]).toMatchObject({ code: 4001, reason: 'bye', wasClean: true });
    expect(all().every((e) => Number.isFinite(e.t))).toBe(true);
  });

  it('numbers sockets in creation order and records errors', () => {
    const { WS, sockets, events: all } = setup();
    new WS('ws://a.test/');
    new WS('ws://b.test/');
    sockets[1]!.error();
    sockets[1]!.closeFromServer(1006, '', false);
    expect(of(all(), 'created').map((e) => e.socket)).toEqual([1, 2]);
    expect(of(all(), 'error')[0]!.socket).toBe(2);
    expect(of(all(), 'closed')[0]).toMatchObject({ socket: 2, code: 1006, wasClean: false });
  });

  it('keeps exact sizes of huge messages but only a capped preview', () => {
    const { WS, sockets, events: all } = setup();
    new WS('ws://a.test/');
    sockets[0]!.open();
    const huge = 'é'.repeat(3 * 1024 * 1024);
    sockets[0]!.receive(huge);
    sockets[0]!.receive(new Uint8Array(5 * 1024 * 1024));
    const [text, binary] = of(all(), 'message');
    expect(text).toMatchObject({ size: 6 * 1024 * 1024, truncated: true });
    expect(text!.preview).toHaveLength(TEXT_PREVIEW_CHARS);
    expect(binary).toMatchObject({
      kind: 'binary',
      jsType: 'Uint8Array',
      size: 5 * 1024 * 1024,
      truncated: true,
    });
    expect(binary!.preview).toHaveLength(512); // 256 bytes as hex
  });

  it('fills in a Blob preview once its first bytes are read', async () => {
    const { WS, sockets, events: all, history } = setup();
    new WS('ws://a.test/');
    sockets[0]!.open();
    sockets[0]!.receive(new Blob([new Uint8Array([0xca, 0xfe])]));
    expect(of(all(), 'message')[0]).toMatchObject({ jsType: 'Blob', size: 2, preview: null });
    expect(history.pendingPreviews).toBe(1);
    await vi.waitFor(() => expect(history.pendingPreviews).toBe(0));
    expect(of(all(), 'message')[0]!.preview).toBe('cafe');
  });

  it('does not count data sent while CLOSING: the browser discards it', () => {
    const { WS, sockets, events: all } = setup();
    const ws = new WS('ws://a.test/');
    sockets[0]!.open();
    ws.close();
    ws.send('late');
    expect(of(all(), 'message')).toEqual([]);
    expect(of(all(), 'close-call')[0]).toMatchObject({ code: null, reason: null });
  });

  it('records sockets of page subclasses', () => {
    const { WS, events: all } = setup();
    class Reconnecting extends WS {}
    const ws = new Reconnecting('ws://a.test/');
    expect(ws).toBeInstanceOf(Reconnecting);
    expect(ws).toBeInstanceOf(WS);
    expect(of(all(), 'created')).toHaveLength(1);
  });
});

describe('patchWebSocket: invisible to the page', () => {
  it('keeps identity, prototype, constants, name, length and toString', () => {
    const { WS, win, NativeWebSocket } = setup();
    const ws = new WS('ws://a.test/');
    expect(ws).toBeInstanceOf(WS);
    expect(ws.constructor).toBe(WS);
    expect(Object.getPrototypeOf(ws)).toBe(NativeWebSocket.prototype);
    expect(WS.prototype).toBe(NativeWebSocket.prototype);
    expect([WS.CONNECTING, WS.OPEN, WS.CLOSING, WS.CLOSED]).toEqual([0, 1, 2, 3]);
    expect(WS.name).toBe(NativeWebSocket.name);
    expect(WS.length).toBe(NativeWebSocket.length);
    const toString = win.Function.prototype.toString;
    expect(toString.call(WS)).toBe(toString.call(NativeWebSocket));
    expect(WS.prototype.send.name).toBe('send');
    expect(WS.prototype.close.length).toBe(NativeWebSocket.prototype.close.length);
    expect(toString.call(toString)).toMatch(/^function toString\(\) \{\s*\[native code\]\s*\}$/);
    const d = Object.getOwnPropertyDescriptor(win, 'WebSocket')!;
    expect(d).toMatchObject({ writable: true, configurable: true });
  });

  it('throws exactly what the native throws, and records nothing for it', () => {
    const { WS, events: all } = setup();
    expect(() => new WS('http s://bad')).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    const ws = new WS('ws://a.test/');
    expect(() => ws.send('too early')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    expect(() => ws.close(1001)).toThrow(expect.objectContaining({ name: 'InvalidAccessError' }));
    expect(() => ws.close(1000, 'x'.repeat(124))).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(() => WS.prototype.send.call({}, 'x')).toThrow(TypeError);
    expect(all().map((e) => e.type)).toEqual(['created']);
  });

  it('converts object arguments once, as WebIDL does, and records what was sent', () => {
    const { WS, sockets, events: all } = setup();
    const ws = new WS('ws://a.test/');
    sockets[0]!.open();
    let calls = 0;
    ws.send({ toString: () => (calls++, 'converted') } as unknown as string);
    const code = { valueOf: () => (calls++, 3001) };
    ws.close(code as unknown as number, { toString: () => (calls++, 'why') } as unknown as string);
    expect(calls).toBe(3);
    expect(sockets[0]!.sent).toEqual(['converted']);
    expect(sockets[0]!.closeCalls).toEqual([[3001, 'why']]);
    expect(of(all(), 'message')[0]).toMatchObject({ size: 9, preview: 'converted' });
    expect(of(all(), 'close-call')[0]).toMatchObject({ code: 3001, reason: 'why' });
  });

  it('never throws into page code, even when recording fails', () => {
    const { WS, sockets } = setup({ throwingSink: true });
    const ws = new WS('ws://a.test/');
    const seen: string[] = [];
    ws.addEventListener('open', () => seen.push('open'));
    ws.addEventListener('close', () => seen.push('close'));
    sockets[0]!.open();
    ws.send('x');
    ws.close(1000);
    sockets[0]!.closeFromServer(1000, '', true);
    expect(seen).toEqual(['open', 'close']);
  });
});

describe('clampUnsignedShort', () => {
  it('rounds half to even and clamps, like WebIDL [Clamp]', () => {
    expect([NaN, -5, 1000.5, 1001.5, 3000.4, 70000].map(clampUnsignedShort)).toEqual([
      0, 0, 1000, 1002, 3000, 65535,
    ]);
  });
});
