import { describe, expect, it } from 'vitest';
import type { Natives } from '../../../src/page/natives';
import { PageHistory } from '../../../src/page/page-history';
import { patchWebSocket } from '../../../src/page/recorder';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { createFakeWindow, fakeNatives } from './fake-window';
import type { FakeWindow } from './fake-window';

/** What the patch itself needs; every other native is called at run time, on page events and calls. */
const CAPTURED_VALUES = new Set([
  'WebSocket',
  'nativeSend',
  'nativeClose',
  'FunctionPrototype',
  'FunctionPrototypeToString',
  'Proxy',
]);

function patched(fake: FakeWindow, natives: Natives) {
  const history = new PageHistory('doc', natives);
  const lifecycle: RecorderEvent[] = [];
  patchWebSocket(fake.win, natives, history, { push: (e) => lifecycle.push(e) });
  return { history, lifecycle };
}

/**
 * A page session: every call and event of the WebSocket API, and what the page's own code saw of
 * it (return values, exceptions, events with their data). Run alike on a patched and a native window.
 */
function session(fake: FakeWindow): unknown[] {
  const seen: unknown[] = [];
  const attempt = (what: string, fn: () => unknown) => {
    try {
      seen.push([what, 'ok', fn()]);
    } catch (e) {
      seen.push([what, 'threw', (e as Error).name, (e as Error).message]);
    }
  };
  const ws = new fake.win.WebSocket('ws://a.test/', ['p']);
  for (const type of ['open', 'message', 'error', 'close'])
    ws.addEventListener(type, (e) =>
      seen.push([type, (e as MessageEvent).data ?? (e as CloseEvent).code ?? null]),
    );
  const s = fake.sockets[0]!;
  attempt('send too early', () => ws.send('x'));
  s.open('p', '');
  attempt('send text', () => ws.send('héllo'));
  attempt('send binary', () => ws.send(new Uint8Array([1, 2, 3])));
  attempt('send blob', () => ws.send(new Blob(['ab'])));
  attempt('send object', () => ws.send({ toString: () => 'obj' } as unknown as string));
  s.receive('text');
  s.receive(new ArrayBuffer(4));
  s.receive(new Blob(['x']));
  s.error();
  attempt('close bad code', () => ws.close(1001));
  attempt('close', () => ws.close(4000, { toString: () => 'why' } as unknown as string));
  s.closeFromServer(4000, 'why', true);
  seen.push(['sent', s.sent.map((d) => (typeof d === 'string' ? d : Object.prototype.toString.call(d)))]);
  // As the browser's WebIDL layer would (the fake leaves arguments as given): the recorder hands it
  // converted primitives.
  seen.push([
    'close calls',
    s.closeCalls.map((args) => args.map((a) => (a === undefined ? a : `${a as string}`))),
  ]);
  return seen;
}

describe('events the browser did not generate', () => {
  it('record nothing and never throw, whatever their class or data', () => {
    const fake = createFakeWindow();
    const { history, lifecycle } = patched(fake, fakeNatives(fake));
    const ws = new fake.win.WebSocket('ws://a.test/');
    const s = fake.sockets[0]!;
    s.open();
    const errors: unknown[] = [];
    const forged = [
      new Event('open'),
      new Event('message'),
      new MessageEvent('message', { data: 'forged' }),
      new CustomEvent('message', { detail: 'x' }),
      new Event('error'),
      new Event('close'),
      new fake.win.CloseEvent('close', { code: 4000, reason: 'forged', wasClean: true }),
    ];
    for (const e of forged) {
      try {
        ws.dispatchEvent(e);
      } catch (error) {
        errors.push(error);
      }
    }
    expect(errors).toEqual([]);
    expect(lifecycle.map((e) => e.type)).toEqual(['created', 'open']);
    expect(history.messages()).toEqual([]);
    // The socket's real close is still recorded, as the close.
    s.closeFromServer(1000, 'real', true);
    expect(lifecycle.at(-1)).toMatchObject({ type: 'closed', code: 1000, reason: 'real' });
  });
});

describe('a recorder whose every native throws', () => {
  it('leaves the page exactly what it gets without the recorder', () => {
    const plain = createFakeWindow();
    const native = session(plain);

    const fake = createFakeWindow();
    const natives = fakeNatives(fake);
    const broken = Object.fromEntries(
      Object.entries(natives).map(([k, v]) => [
        k,
        typeof v === 'function' && !CAPTURED_VALUES.has(k)
          ? () => {
              throw new TypeError(`broken ${k}`);
            }
          : v,
      ]),
    ) as unknown as Natives;
    patched(fake, broken);
    expect(session(fake)).toEqual(native);
    expect(native).toContainEqual(['message', 'text']);
  });
});
