/**
 * The WebSocket conformance suite (issue #10): what a page can observe of the WebSocket API, over
 * the ground the web-platform-tests `websockets/` directory covers, written from the WHATWG
 * WebSockets Standard. Each section returns plain data; the specs run it with and without the
 * extension (any difference fails) and against the committed baseline of each browser without it.
 *
 * Runs in the page (passed to page.evaluate), so it is one self-contained function.
 */
export interface ConformanceEnv {
  ws: string;
  http: string;
  refusedPort: number;
  /** Unique per run: ids for the server's /ws/record sockets. */
  run: string;
}

export async function runConformance(env: ConformanceEnv): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const W = WebSocket;
  const echo = `${env.ws}/ws/echo`;
  const errorOf = (e: unknown) =>
    e !== null && typeof e === 'object' && 'name' in e
      ? `${String(e.name)}: ${String((e as Error).message)}`
      : typeof e;
  const attempt = (fn: () => unknown): unknown => {
    try {
      return ['ok', fn()];
    } catch (e) {
      return ['threw', errorOf(e)];
    }
  };
  const hex = (b: ArrayBuffer) =>
    Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
  const describe = async (d: unknown): Promise<unknown> => {
    if (typeof d === 'string')
      return d.length > 64 ? `text(${d.length}):${d.slice(0, 8)}` : `text:${JSON.stringify(d)}`;
    if (d instanceof ArrayBuffer) return `ArrayBuffer:${hex(d.slice(0, 32))}(${d.byteLength})`;
    if (d instanceof Blob) return `Blob:${hex(await d.slice(0, 32).arrayBuffer())}(${d.size})`;
    return typeof d;
  };
  const describeEvent = async (e: Event, ws: WebSocket): Promise<unknown> => {
    const base = `${e.type}@${ws.readyState}${e.isTrusted ? '' : ':untrusted'}:${e.constructor.name}`;
    if (e instanceof CloseEvent) return `${base}:${e.code}:${JSON.stringify(e.reason)}:${e.wasClean}`;
    if (e instanceof MessageEvent) return `${base}:${String(await describe(e.data))}`;
    return base;
  };
  /** Opens a socket, logs every event it fires (with readyState), until it closes or 8 s pass. */
  const session = (
    url: string | URL,
    protocols: string | string[] | undefined,
    script: (ws: WebSocket, log: unknown[]) => void,
  ): Promise<unknown[]> =>
    new Promise((resolve) => {
      const log: unknown[] = [];
      let ws: WebSocket;
      try {
        ws = protocols === undefined ? new W(url) : new W(url, protocols);
      } catch (e) {
        resolve(['threw', errorOf(e)]);
        return;
      }
      const pending: Promise<unknown>[] = [];
      for (const type of ['open', 'message', 'error', 'close'])
        ws.addEventListener(type, (e) => pending.push(describeEvent(e, ws)));
      const done = () => void Promise.all(pending).then((events) => resolve([...log, ...events]));
      const timer = setTimeout(() => {
        log.push('timeout');
        done();
      }, 8000);
      ws.addEventListener('close', (e) => {
        // The browser's close ends it; one the page dispatched itself does not.
        if (!e.isTrusted) return;
        clearTimeout(timer);
        setTimeout(done, 0);
      });
      script(ws, log);
    });

  // The constructor: URL parsing and validation, http(s) and relative URLs, blocked ports.
  const port = new URL(env.http).port;
  out.urls = [
    echo,
    `${echo}?q=1&r=a b`,
    `${env.http}/ws/echo`,
    '/ws/echo',
    'ws/echo',
    `${echo}#frag`,
    `${echo}#`,
    ` ${echo} `,
    `WS://127.0.0.1:${port}/ws/echo`,
    `ws://user:pass@127.0.0.1:${port}/ws/echo`,
    'ws://127.0.0.1:25/',
    'ws://127.0.0.1:6000/',
    'ws://127.0.0.1:65536/',
    'ftp://127.0.0.1/',
    'javascript:void 0',
    'http s://x',
    'ws://[::1',
    'ws://exa mple.test/',
    '',
  ].map((u) =>
    attempt(() => {
      const ws = new W(u);
      const seen = [ws.url, ws.readyState, ws.protocol, ws.extensions, ws.binaryType, ws.bufferedAmount];
      ws.close();
      return seen;
    }),
  );
  out.urlObject = attempt(() => {
    const ws = new W(new URL(echo));
    ws.close();
    return ws.url;
  });

  // Subprotocols: tokens, duplicates, iterables, conversions.
  out.protocols = [
    ['a', 'a'],
    ['a b'],
    [''],
    ['ä'],
    ['x', 'y,z'],
    ['a\u0000'],
    ['{}'],
    ["valid-token_!#$%&'*+.^`|~"],
    'chat',
    'a,b',
    [],
    42,
    [1, 2],
    new Set(['s1', 's2']),
    'x'.repeat(2000),
    { toString: () => 'obj' },
  ].map((p) =>
    attempt(() => {
      const ws = new W(echo, p as string[]);
      ws.close();
      return ws.readyState;
    }),
  );
  out.negotiated = await session(echo, ['chat', 'superchat'], (ws, log) => {
    ws.onopen = () => {
      log.push(`protocol:${ws.protocol}`, `extensions:${ws.extensions}`);
      ws.close();
    };
  });

  // send(): before open, every argument type, and after close.
  out.sendArgs = await session(echo, undefined, (ws, log) => {
    ws.binaryType = 'arraybuffer';
    log.push(attempt(() => ws.send('too early')));
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]).buffer;
    const args: [string, () => unknown][] = [
      ['text', () => 'text'],
      ['empty', () => ''],
      ['lone high', () => '\ud800'],
      ['lone low', () => 'a\udc00b'],
      ['pair', () => '\ud83d\ude00'],
      ['65 KiB', () => 'k'.repeat(65 * 1024 + 1)],
      ['empty buffer', () => new ArrayBuffer(0)],
      ['buffer', () => buffer],
      ['Int8Array offset', () => new Int8Array(buffer, 3, 4)],
      ['Uint16Array offset', () => new Uint16Array(buffer, 2, 3)],
      ['Int32Array', () => new Int32Array(buffer, 4, 2)],
      ['Float32Array', () => new Float32Array(buffer, 8, 1)],
      ['Float64Array', () => new Float64Array(buffer, 8, 1)],
      ['BigInt64Array', () => new BigInt64Array(buffer, 0, 1)],
      ['Uint8ClampedArray', () => new Uint8ClampedArray(buffer, 15, 1)],
      ['DataView offset', () => new DataView(buffer, 5, 6)],
      ['empty view', () => new Uint8Array(buffer, 16, 0)],
      ['Blob', () => new Blob(['blob'])],
      ['empty Blob', () => new Blob([])],
      ['null', () => null],
      ['undefined', () => undefined],
      ['number', () => 42],
      ['boolean', () => true],
      ['object', () => ({ toString: () => 'converted' })],
      ['array', () => [1, 2]],
    ];
    let expected = 0;
    ws.onopen = () => {
      for (const [name, make] of args) {
        const result = attempt(() => ws.send(make() as string));
        log.push(`${name}:${JSON.stringify(result)}`);
        if (Array.isArray(result) && result[0] === 'ok') expected++;
      }
      log.push(attempt(() => (ws.send as () => void)()));
      log.push(attempt(() => ws.send(Symbol('s') as unknown as string)));
      log.push(`bufferedAmount:${typeof ws.bufferedAmount}`);
    };
    let received = 0;
    ws.addEventListener('message', () => {
      if (++received === expected) {
        ws.close(1000);
        log.push(
          attempt(() => ws.send('after close')),
          `buffered after close:${ws.bufferedAmount}`,
        );
      }
    });
  });

  // close(): every boundary of the code and of the reason, and what each accepted one closes with.
  out.closeInvalid = await new Promise((resolve) => {
    const ws = new W(echo);
    const results: unknown[] = [];
    ws.onopen = () => {
      const bad: [unknown, unknown][] = [
        [0, undefined],
        [999, undefined],
        [1001, undefined],
        [1005, undefined],
        [1006, undefined],
        [1015, undefined],
        [2999, undefined],
        [5000, undefined],
        [65535, undefined],
        [65536, undefined],
        [-1, undefined],
        [NaN, undefined],
        [null, undefined],
        [true, undefined],
        [4999.5, undefined],
        [1000, 'x'.repeat(124)],
        [1000, 'é'.repeat(62)],
        [4000, '\ud800'.repeat(42)],
        [4000, '😀'.repeat(31)],
        [undefined, 'reason, no code'],
      ];
      for (const [code, reason] of bad)
        results.push([
          code,
          typeof reason === 'string' ? reason.length : reason,
          attempt(() => ws.close(code as number, reason as string)),
          ws.readyState,
        ]);
      ws.close();
    };
    ws.onclose = () => resolve(results);
  });
  const closeWith = (args: unknown[]) =>
    session(echo, undefined, (ws, log) => {
      ws.onopen = () => {
        const result = attempt(() => (ws.close as (...a: unknown[]) => void)(...args));
        log.push(result);
        if (Array.isArray(result) && result[0] === 'threw') ws.close();
      };
    });
  out.closeAccepted = await Promise.all(
    [
      [],
      [1000],
      [1000, 'done'],
      [3000],
      [4999, 'x'.repeat(123)],
      ['1000'],
      [999.6],
      [1000.4, 'é'.repeat(61) + 'x'],
      [4000, '\ud800'.repeat(41)],
      [4000, '😀'.repeat(30) + 'xxx'],
      [undefined],
    ].map(closeWith),
  );

  // readyState transitions: close while connecting, close twice, a refused connection, a 403.
  out.closeWhileConnecting = await session(echo, undefined, (ws, log) => {
    log.push(
      ws.readyState,
      attempt(() => ws.close()),
      ws.readyState,
      attempt(() => ws.close(4000)),
      ws.readyState,
    );
  });
  out.closeTwice = await session(echo, undefined, (ws, log) => {
    ws.onopen = () => {
      ws.close(4000, 'first');
      log.push(
        ws.readyState,
        attempt(() => ws.close(4001, 'second')),
        ws.readyState,
      );
    };
  });
  out.refused = await session(`ws://127.0.0.1:${env.refusedPort}/`, undefined, () => undefined);
  out.forbidden = await session(`${env.ws}/ws/status?code=403`, undefined, () => undefined);
  out.serverCloses = await Promise.all(
    ['/ws/close?code=1000&reason=bye', '/ws/close', '/ws/close?code=4000&after=message', '/ws/terminate'].map(
      (path) =>
        session(`${env.ws}${path}`, undefined, (ws) => {
          ws.onopen = () => ws.send('x');
        }),
    ),
  );

  // binaryType: default, valid and invalid values, and the type of what arrives.
  out.binaryType = await Promise.all(
    ['blob', 'arraybuffer', 'bogus'].map((type) =>
      session(`${env.ws}/ws/big?bytes=3&binary=1`, undefined, (ws, log) => {
        log.push(ws.binaryType);
        (ws as unknown as { binaryType: string }).binaryType = type;
        log.push(ws.binaryType);
        ws.onmessage = () => ws.close();
      }),
    ),
  );

  // Event order and handler attributes: capturing, bubbling, on*, once, handleEvent, replacement.
  out.eventOrder = await session(echo, undefined, (ws, log) => {
    const note = (what: string) => (e: Event) => log.push(`${what}:${e.type}`);
    ws.addEventListener('message', note('capturing'), true);
    ws.onmessage = note('onmessage');
    ws.addEventListener('message', note('bubbling'));
    const same = note('same listener twice');
    ws.addEventListener('message', same);
    ws.addEventListener('message', same);
    ws.addEventListener('message', note('once'), { once: true });
    ws.addEventListener('message', { handleEvent: (e: Event) => log.push(`handleEvent:${e.type}`) });
    ws.onopen = (e) => {
      log.push(`onopen:${e.type}`);
      ws.send('one');
      ws.send('two');
    };
    let n = 0;
    ws.addEventListener('message', () => {
      if (++n === 1) {
        ws.onmessage = note('replaced onmessage');
        return;
      }
      ws.onmessage = null;
      ws.close(4000);
    });
    const values: unknown[] = [];
    for (const value of ['code', 42, { handleEvent() {} }, null, () => 1]) {
      (ws as unknown as { onerror: unknown }).onerror = value;
      values.push(typeof ws.onerror);
    }
    ws.onerror = null;
    log.push(`handler values:${values.join(',')}`);
  });

  // Events the page dispatches itself: handlers see them as dispatched, the socket is unchanged.
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);
  window.addEventListener('error', onError);
  out.pageEvents = await session(echo, undefined, (ws, log) => {
    ws.onmessage = (e) => log.push(`onmessage:${e.isTrusted}:${typeof e.data}`);
    ws.onclose = (e) => log.push(`onclose:${e.isTrusted}:${e.code}`);
    ws.onerror = (e) => log.push(`onerror:${e.isTrusted}`);
    ws.onopen = (e) => {
      log.push(`onopen:${e.isTrusted}`);
      // The forged `open` below runs this again: only the browser's starts the forgeries.
      if (!e.isTrusted) return;
      const forged = [
        new Event('open'),
        new Event('message'),
        new MessageEvent('message', { data: 'forged' }),
        new MessageEvent('message', { data: { isTrusted: true, data: 'looks real' } }),
        new UIEvent('message'),
        new CustomEvent('message', { detail: 'x' }),
        new Event('error'),
        new ErrorEvent('error', { message: 'forged' }),
        new CloseEvent('close', { code: 4000, reason: 'forged', wasClean: true }),
        new Event('close'),
      ];
      for (const e of forged)
        log.push(`${e.constructor.name}:${e.type}:${ws.dispatchEvent(e)}:${ws.readyState}`);
      ws.send('real');
      ws.addEventListener('message', (e) => {
        if (e.isTrusted) ws.close(4002, 'real close');
      });
    };
  });
  window.removeEventListener('error', onError);
  out.pageEventsUncaught = uncaught;

  // The interface itself: constants, members, and what instances own.
  out.idl = {
    name: W.name,
    length: W.length,
    constants: [W.CONNECTING, W.OPEN, W.CLOSING, W.CLOSED],
    proto: Object.getOwnPropertyNames(W.prototype)
      .sort()
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(W.prototype, k)!;
        return `${k}:${'value' in d ? typeof d.value : `${typeof d.get}/${typeof d.set}`}:${d.enumerable}:${d.configurable}`;
      }),
    tag: Object.prototype.toString.call(new W(echo)),
    closeEvent: [
      new CloseEvent('close').code,
      new CloseEvent('close').wasClean,
      JSON.stringify(new CloseEvent('close').reason),
    ],
  };

  // Documents that go away with their sockets open: what the server is told.
  const closedBy = async (id: string, leave: (frame: HTMLIFrameElement) => void) => {
    const frame = document.createElement('iframe');
    frame.src = `${env.http}/blank.html`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const FrameWS = (frame.contentWindow as unknown as { WebSocket: typeof WebSocket }).WebSocket;
    await new Promise((r) => (new FrameWS(`${env.ws}/ws/record?id=${id}`).onopen = r));
    leave(frame);
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${env.http}/closes?id=${id}`);
      if (res.ok) return res.json() as Promise<unknown>;
      await new Promise((r) => setTimeout(r, 50));
    }
    return 'never closed';
  };
  out.frameRemoved = await closedBy(`${env.run}-removed`, (f) => f.remove());
  out.frameNavigated = await closedBy(`${env.run}-navigated`, (f) => (f.src = `${env.http}/blank.html?next`));
  return out;
}
