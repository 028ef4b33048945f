import { expect } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';

/**
 * Issue #15, end to end: a page that, once loaded, replaces every built-in the recorder could
 * touch with a function that counts its calls and returns garbage, then uses WebSockets. The
 * recording must stay exact and the replacements must see no call from the recorder.
 */

/** What each socket sends (and the echo server sends back): text and every binary type. */
export type Payload =
  | { kind: 'text'; text: string }
  | { kind: 'blob'; text: string }
  | { kind: 'buffer'; bytes: number[] }
  | { kind: 'view'; type: string; bytes: number[]; offset: number; length: number };

const bytes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => (from + i * 7) % 256);

export const PAYLOADS: Payload[] = [
  { kind: 'text', text: 'hello' },
  { kind: 'text', text: '' },
  { kind: 'text', text: '€uro 😀 ünïcode' },
  { kind: 'text', text: 'lone \ud800 surrogate' },
  { kind: 'text', text: 'long '.repeat(400) },
  { kind: 'buffer', bytes: bytes(5, 1) },
  { kind: 'buffer', bytes: [] },
  { kind: 'buffer', bytes: bytes(300) },
  { kind: 'view', type: 'Uint8Array', bytes: bytes(16), offset: 3, length: 5 },
  { kind: 'view', type: 'Int16Array', bytes: bytes(16), offset: 2, length: 3 },
  { kind: 'view', type: 'Float64Array', bytes: bytes(24), offset: 8, length: 2 },
  { kind: 'view', type: 'Uint8ClampedArray', bytes: bytes(4), offset: 0, length: 4 },
  { kind: 'view', type: 'BigUint64Array', bytes: bytes(16), offset: 0, length: 2 },
  { kind: 'view', type: 'DataView', bytes: bytes(16), offset: 5, length: 7 },
  { kind: 'blob', text: 'a blob' },
];

/** The bytes a payload puts on the wire, as Node sees them. */
export function wireBytes(p: Payload): Buffer {
  if (p.kind === 'text' || p.kind === 'blob') return Buffer.from(p.text, 'utf8'); // lone surrogates: U+FFFD
  if (p.kind === 'buffer') return Buffer.from(p.bytes);
  const width = p.type === 'DataView' ? 1 : p.type.includes('64') ? 8 : p.type.includes('16') ? 2 : 1;
  return Buffer.from(p.bytes).subarray(p.offset, p.offset + p.length * width);
}

export interface PoisonedRun {
  /** Calls each replacement saw while the recorder ran (page code made none). */
  calls: Record<string, number>;
  /** What the page's own handlers saw, per socket: messages received, then the close code. */
  saw: { received: number; code: number; reason: string }[];
  uncaught: string[];
}

/**
 * Runs in the page (pass it to `page.evaluate`, so it stays self-contained). Builds the payloads,
 * poisons the built-ins, opens one socket per binaryType to the echo server, sends every payload,
 * waits for every echo, closes with 4001; keeps the poison until the recorder has flushed the
 * close, then restores the originals.
 */
export function poisonedSession([wsUrl, payloads]: readonly [string, Payload[]]): Promise<PoisonedRun> {
  // Everything this function itself needs, captured before the poison.
  const {
    defineProperty,
    getOwnPropertyDescriptor,
    getOwnPropertyNames,
    getOwnPropertySymbols,
    getPrototypeOf,
  } = Object;
  const apply = Reflect.apply;
  const WS = WebSocket;
  const listen = EventTarget.prototype.addEventListener;
  const detailOf = getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')!.get!;
  const includes = String.prototype.includes;
  const later = setTimeout;
  const closeCode = getOwnPropertyDescriptor(CloseEvent.prototype, 'code')!.get!;
  const closeReason = getOwnPropertyDescriptor(CloseEvent.prototype, 'reason')!.get!;
  const built = payloads.map((p) => {
    if (p.kind === 'text') return p.text;
    if (p.kind === 'blob') return new Blob([p.text]);
    if (p.kind === 'buffer') return new Uint8Array(p.bytes).buffer;
    const buffer = new Uint8Array(p.bytes).buffer;
    const Ctor = (
      globalThis as unknown as Record<string, new (b: ArrayBuffer, o: number, l: number) => object>
    )[p.type]!;
    return new Ctor(buffer, p.offset, p.length);
  });

  // First every target, then every replacement: the loops below must not use what they poison.
  const targets: [object, PropertyKey, string][] = [];
  const add = (owner: object, key: PropertyKey, label: string) =>
    void (targets[targets.length] = [owner, key, label]);
  const everything = (owner: object, label: string) => {
    const names = getOwnPropertyNames(owner);
    for (let i = 0; i < names.length; i++) add(owner, names[i]!, `${label}.${names[i]!}`);
    const symbols = getOwnPropertySymbols(owner);
    for (let i = 0; i < symbols.length; i++) add(owner, symbols[i]!, `${label}[${String(symbols[i])}]`);
  };
  const g = globalThis as unknown as Record<string, { prototype: object }>;
  const protos = [
    'String',
    'Array',
    'Promise',
    'ArrayBuffer',
    'DataView',
    'Map',
    'WeakMap',
    'Set',
    'WeakSet',
    'Number',
    'RegExp',
    'EventTarget',
    'Event',
    'MessageEvent',
    'CloseEvent',
    'CustomEvent',
    'Performance',
    'Blob',
    'FileReader',
    'Error',
    'Symbol',
    'Date',
    'Object',
    'Uint8Array',
  ];
  for (const name of protos) everything(g[name]!.prototype, `${name}.prototype`);
  everything(getPrototypeOf(Uint8Array.prototype) as object, '%TypedArray%.prototype');
  for (const name of [
    'Reflect',
    'JSON',
    'Math',
    'Object',
    'String',
    'Array',
    'Number',
    'Date',
    'Symbol',
    'ArrayBuffer',
    'Promise',
  ])
    everything(g[name]!, name);
  // WebSocket's getters (the recorder reads captured ones), not its send/close (the recorder's own).
  for (const key of ['url', 'readyState', 'protocol', 'extensions', 'bufferedAmount'])
    add(WS.prototype, key, `WebSocket.prototype.${key}`);
  for (const key of [
    'Uint8Array',
    'TextEncoder',
    'TextDecoder',
    'CustomEvent',
    'JSON',
    'setTimeout',
    'queueMicrotask',
    'Proxy',
    'Reflect',
  ])
    add(globalThis, key, key);
  for (const key of ['call', 'apply', 'bind', 'toString'])
    add(Function.prototype, key, `Function.prototype.${key}`);
  for (const key of ['randomUUID', 'getRandomValues'])
    add(getPrototypeOf(crypto) as object, key, `Crypto.prototype.${key}`);

  const calls: Record<string, number> = {};
  const uncaught: string[] = [];
  const restore: (() => void)[] = [];
  let armed = false;
  const counting = (label: string) => () => {
    if (armed) calls[label] = (calls[label] ?? 0) + 1;
    return 'POISON';
  };
  const start = () => {
    for (let i = 0; i < targets.length; i++) {
      // Indexes, not destructuring: that would iterate with the poisoned Array iterator.
      const target = targets[i]!;
      const owner = target[0];
      const key = target[1];
      const label = target[2];
      const d = getOwnPropertyDescriptor(owner, key);
      if (!d || !d.configurable) continue;
      if (typeof d.value === 'function' && key !== 'constructor')
        defineProperty(owner, key, { ...d, value: counting(label) });
      else if (d.get) defineProperty(owner, key, { ...d, get: counting(label) });
      else continue;
      restore[restore.length] = () => defineProperty(owner, key, d);
    }
    // An own dispatchEvent on the document, in front of EventTarget.prototype's.
    defineProperty(document, 'dispatchEvent', {
      value: counting('document.dispatchEvent'),
      configurable: true,
      writable: true,
    });
    restore[restore.length] = () => delete (document as unknown as Record<string, unknown>).dispatchEvent;
    armed = true;
  };
  const stop = () => {
    armed = false;
    for (let i = restore.length - 1; i >= 0; i--) restore[i]!();
  };

  return new Promise<PoisonedRun>((resolve) => {
    const saw: PoisonedRun['saw'] = [];
    let open = 0;
    // The recorder's channel to the relay: its first flush once both sockets closed (the page's
    // onclose runs after the recorder's close listener) carries the last close; it ends the session.
    apply(listen, document, [
      '__wsci:page',
      (e: Event) => {
        const detail: unknown = apply(detailOf, e, []);
        if (!armed || open > 0 || typeof detail !== 'string' || !apply(includes, detail, ['"type":"closed"']))
          return;
        stop();
        resolve({ calls, saw, uncaught });
      },
    ]);
    apply(listen, window, [
      'error',
      (e: Event) => void (uncaught[uncaught.length] = (e as ErrorEvent).message),
    ]);
    start();
    // Fails fast, with what it got, rather than at the test's timeout.
    later(() => {
      if (!armed) return;
      stop();
      resolve({ calls, saw, uncaught: [...uncaught, `unfinished after 20 s: ${open} sockets open`] });
    }, 20_000);
    const binaryTypes = ['arraybuffer', 'blob'] as const;
    for (let b = 0; b < binaryTypes.length; b++) {
      const binaryType = binaryTypes[b]!;
      const ws = new WS(wsUrl);
      const mine = { received: 0, code: 0, reason: '' };
      saw[saw.length] = mine;
      open++;
      ws.binaryType = binaryType;
      ws.onopen = () => {
        for (let i = 0; i < built.length; i++) ws.send(built[i] as string);
      };
      ws.onmessage = () => {
        if (++mine.received === built.length) ws.close(4001, 'done');
      };
      ws.onclose = (e) => {
        mine.code = apply(closeCode, e, []) as number;
        mine.reason = apply(closeReason, e, []) as string;
        open--;
      };
    }
  });
}

/**
 * Runs in the page before its panel opens: resolves once the recorder answered a panel's sync
 * request (it streams every message from then on).
 */
export function noteSync(): void {
  const w = window as unknown as { synced?: boolean };
  w.synced = false;
  const note = (e: Event) => {
    const detail: unknown = (e as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || !detail.includes('"type":"snapshot"')) return;
    w.synced = true;
    // Gone before the page poisons its built-ins: its calls would count as the recorder's.
    document.removeEventListener('__wsci:page', note);
  };
  document.addEventListener('__wsci:page', note);
}

/** Runs in the page: whether the recorder answered its panel's sync request (see noteSync). */
export function synced(): boolean {
  return (window as unknown as { synced?: boolean }).synced === true;
}

/** What the page saw is what it would see without the recorder, and no replacement saw a call. */
export function expectUntouched(run: PoisonedRun, payloads: Payload[]): void {
  expect(run.uncaught).toEqual([]);
  const saw = { received: payloads.length, code: 4001, reason: 'done' };
  expect(run.saw).toEqual([saw, saw]);
  expect(run.calls).toEqual({});
}

/** The recording is exact: counts and bytes each way, the close, and every preview. */
export function expectExactRecording(log: CloseLog, url: string, payloads: Payload[]): void {
  const sockets = log.sockets.filter((s) => s.url === url);
  expect(sockets).toHaveLength(2);
  const bytes = payloads.reduce((n, p) => n + wireBytes(p).length, 0);
  const traffic = { messages: payloads.length, bytes };
  for (const s of sockets) {
    expect(s.sent).toEqual(traffic);
    expect(s.received).toEqual(traffic);
    expect(s.close).toMatchObject({ code: 4001, reason: 'done', wasClean: true, initiator: 'page' });
  }
}

/** Every message's preview, as the recorder's history holds it: text, or the hex of the bytes. */
export function expectExactPreviews(
  messages: { dir: string; kind: string; size: number; preview: string | null }[],
  payloads: Payload[],
): void {
  const expected = payloads.map((p) => {
    const wire = wireBytes(p);
    const text = p.kind === 'text';
    return {
      kind: text ? 'text' : 'binary',
      size: wire.length,
      preview: text ? wire.toString('utf8').slice(0, 1024) : wire.subarray(0, 256).toString('hex'),
    };
  });
  const sent = messages
    .filter((m) => m.dir === 'sent')
    .map(({ kind, size, preview }) => ({ kind, size, preview }));
  // What was sent: the page's own strings (a lone surrogate stays one in the preview).
  expect(sent.map((m) => m.size)).toEqual(expected.map((e) => e.size));
  expect(sent.filter((m) => m.kind === 'binary')).toEqual(expected.filter((e) => e.kind === 'binary'));
  const received = messages
    .filter((m) => m.dir === 'received')
    .map(({ kind, size, preview }) => ({ kind, size, preview }));
  expect(received).toEqual(expected);
}
