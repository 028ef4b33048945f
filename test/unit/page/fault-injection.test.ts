import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import { patchWebSocket } from '../../../src/page/recorder';
import { DROP_FALLBACK_MS } from '../../../src/page/fault-injection';
import { BRAND, PROTOCOL_VERSION } from '../../../src/protocol/envelope';
import { closeArgsError, injectCommand, isInjectCommand } from '../../../src/protocol/inject-command';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { createFakeWindow, fakeNatives } from './fake-window';

function setup() {
  const fake = createFakeWindow();
  const events: RecorderEvent[] = [];
  const natives = fakeNatives(fake);
  const control = patchWebSocket(fake.win, natives, new PageHistory('doc', natives), {
    push: (e) => events.push(e),
  });
  const ws = new fake.win.WebSocket('ws://a.test/');
  const s = fake.sockets[0]!;
  s.open();
  const seen: { code: number; wasClean: boolean; via: string }[] = [];
  // The fake socket has no on* handlers: a capturing and a bubbling listener stand for the page's.
  ws.addEventListener(
    'close',
    (e) => seen.push({ code: e.code, wasClean: e.wasClean, via: 'capturing' }),
    true,
  );
  ws.addEventListener('close', (e) => seen.push({ code: e.code, wasClean: e.wasClean, via: 'bubbling' }));
  return { control, ws, s, events, seen };
}

const drop = injectCommand('doc', 1, { action: 'drop' });

afterEach(() => vi.useRealTimers());

describe('fault controls in the page', () => {
  it('drop: closes the real socket, swallows its clean close, shows every page handler a 1006 instead', () => {
    const { control, s, events, seen } = setup();
    control.inject(drop);
    expect(s.closeCalls).toEqual([[undefined, undefined]]);
    expect(seen).toEqual([]);
    s.closeFromServer(1005, '', true);
    expect(seen).toEqual([
      { code: 1006, wasClean: false, via: 'capturing' },
      { code: 1006, wasClean: false, via: 'bubbling' },
    ]);
    expect(events.filter((e) => e.type === 'injected')).toEqual([
      expect.objectContaining({ action: 'drop', code: null, reason: null }),
    ]);
    expect(events.filter((e) => e.type === 'closed')).toEqual([
      expect.objectContaining({ code: 1006, wasClean: false, injected: true }),
    ]);
  });

  it('drop: a server that never answers the close still gets the page its 1006, once, after the fallback delay', () => {
    vi.useFakeTimers();
    const { control, s, seen } = setup();
    control.inject(drop);
    vi.advanceTimersByTime(DROP_FALLBACK_MS);
    expect(seen.map((e) => e.code)).toEqual([1006, 1006]);
    s.closeFromServer(1005, '', true); // late: swallowed
    expect(seen).toHaveLength(2);
  });

  it('close: the native close(code, reason), recorded as injected, not as the page’s call', () => {
    const { control, s, events, seen } = setup();
    control.inject(injectCommand('doc', 1, { action: 'close', code: 4321, reason: 'bye' }));
    expect(s.closeCalls).toEqual([[4321, 'bye']]);
    s.closeFromServer(4321, 'bye', true);
    expect(seen.map((e) => e.code)).toEqual([4321, 4321]);
    expect(events.some((e) => e.type === 'close-call')).toBe(false);
    expect(events.find((e) => e.type === 'closed')).toMatchObject({ code: 4321, injected: true });
  });

  it('ignores sockets that are not open, unknown sockets and a second injection', () => {
    const { control, s, events } = setup();
    control.inject(injectCommand('doc', 99, { action: 'drop' }));
    control.inject(drop);
    control.inject(drop);
    expect(s.closeCalls).toHaveLength(1);
    expect(events.filter((e) => e.type === 'injected')).toHaveLength(1);
  });
});

describe('inject commands', () => {
  it('accepts only what close() accepts: 1000 or 3000-4999, a reason of at most 123 UTF-8 bytes', () => {
    expect(closeArgsError(1000, '')).toBeNull();
    expect(closeArgsError(4999, 'x'.repeat(123))).toBeNull();
    for (const code of [999, 1001, 1006, 2999, 5000, 3000.5, NaN])
      expect(closeArgsError(code, '')).toMatch(/1000 or 3000-4999/);
    expect(closeArgsError(4000, 'é'.repeat(62))).toMatch(/123 bytes/);
  });

  it('checks forged commands by hand', () => {
    const ok = injectCommand('d', 1, { action: 'close', code: 4000, reason: 'r' });
    expect(isInjectCommand(ok)).toBe(true);
    expect(isInjectCommand(injectCommand('d', 1, { action: 'drop' }))).toBe(true);
    for (const bad of [
      null,
      'inject',
      { ...ok, source: 'impostor' },
      { ...ok, v: 1 },
      { ...ok, socket: '1' },
      { ...ok, code: 1006 },
      { ...ok, reason: 'x'.repeat(124) },
      { ...ok, action: 'explode' },
      {
        source: BRAND,
        v: PROTOCOL_VERSION,
        type: 'inject',
        doc: 'd',
        socket: 1,
        action: 'drop',
        code: 1000,
        reason: null,
      },
    ]) {
      expect(isInjectCommand(bad)).toBe(false);
    }
  });
});
