/**
 * Describes the page's WebSocket as a page script can observe it: descriptors, names,
 * toString, prototype chain, exceptions for bad input, handler and listener order, binaryType,
 * bufferedAmount and subclassing, over one scripted session against the echo server.
 * Runs inside the page (passed to page.evaluate), so it must be self-contained.
 */
export async function probeWebSocket(wsBase: string): Promise<Record<string, unknown>> {
  const W = WebSocket;
  const out: Record<string, unknown> = {};
  const toString = Function.prototype.toString;
  const desc = (o: object, k: PropertyKey) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (!d) return null;
    const kind = 'value' in d ? typeof d.value : `get:${typeof d.get}/set:${typeof d.set}`;
    return {
      writable: d.writable,
      enumerable: d.enumerable,
      configurable: d.configurable,
      kind,
      value: typeof d.value === 'number' ? d.value : undefined,
    };
  };
  const attempt = (fn: () => unknown) => {
    try {
      const r = fn();
      if (r instanceof W) r.close();
      return 'ok';
    } catch (e) {
      const err = e as Error;
      // The whole stack: a wrapper's own frame (an extension URL) must not show in it.
      return {
        type: Object.prototype.toString.call(err),
        name: err.name,
        message: err.message,
        isDOMException: err instanceof DOMException,
        stack: err.stack,
      };
    }
  };
  out.global = desc(window, 'WebSocket');
  out.name = W.name;
  out.length = W.length;
  out.source = toString.call(W);
  out.toStringOfToString = toString.call(toString);
  out.toStringOfMethods = [W.prototype.send, W.prototype.close].map((f) => [
    f.name,
    f.length,
    toString.call(f),
  ]);
  out.staticProps = Object.getOwnPropertyNames(W)
    .sort()
    .map((k) => [k, desc(W, k)]);
  out.protoProps = Object.getOwnPropertyNames(W.prototype)
    .sort()
    .map((k) => [k, desc(W.prototype, k)]);
  out.chain = [
    Object.getPrototypeOf(W) === EventTarget,
    Object.getPrototypeOf(W.prototype) === EventTarget.prototype,
    W.prototype.constructor === W,
  ];
  out.withoutNew = attempt(() => (W as unknown as (u: string) => unknown)('ws://127.0.0.1:1/'));
  out.noArguments = attempt(() => new (W as unknown as new () => WebSocket)());
  out.illegalInvocation = [
    () => W.prototype.send.call({}, 'x'),
    () => W.prototype.close.call({}),
    () => toString.call({}),
  ].map(attempt);
  out.badUrls = ['http s://x', 'ftp://example.test/', 'ws://example.test/#frag', ''].map((u) =>
    attempt(() => new W(u)),
  );
  out.badProtocols = [['a', 'a'], ['a b'], [''], ['ä'], ['x', 'y,z']].map((p) =>
    attempt(() => new W(`${wsBase}/ws/echo`, p)),
  );

  const ws = new W(`${wsBase}/ws/echo`);
  out.fresh = {
    instanceOf: ws instanceof W,
    ctor: ws.constructor === W,
    binaryType: ws.binaryType,
    readyState: ws.readyState,
    bufferedAmount: ws.bufferedAmount,
    own: Object.getOwnPropertyNames(ws),
    handlers: [ws.onopen, ws.onmessage, ws.onerror, ws.onclose],
  };
  out.sendWhileConnecting = attempt(() => ws.send('x'));
  out.sendNothing = attempt(() => (ws.send as () => void)());
  out.throwingToString = attempt(() =>
    ws.send({
      toString: () => {
        throw new RangeError('from the page');
      },
    } as unknown as string),
  );
  out.badCloseCodes = [0, 999, 1001, 1005, 2999, 5000, 65536, -1].map((c) => attempt(() => ws.close(c)));
  out.longReason = attempt(() => ws.close(1000, 'é'.repeat(62)));
  out.unpairedReason = attempt(() => ws.close(4000, 'x'.repeat(123) + '\ud800'));
  // Event handler attributes: a non-object is stored as null, an object (even one that is not
  // callable) as itself.
  const handlerValues: unknown[] = [];
  for (const value of ['code', 42, { handleEvent() {} }, null]) {
    (ws as unknown as { onopen: unknown }).onopen = value;
    handlerValues.push(typeof ws.onopen);
  }
  out.handlerValues = handlerValues;
  ws.binaryType = 'arraybuffer';
  (ws as unknown as { binaryType: string }).binaryType = 'bogus';
  out.binaryType = ws.binaryType;

  const log: string[] = [];
  const describe = (d: unknown) =>
    typeof d === 'string'
      ? `text:${d}`
      : d instanceof ArrayBuffer
        ? `ab:${d.byteLength}`
        : d instanceof Blob
          ? `blob:${d.size}`
          : typeof d;
  ws.onopen = (e) => log.push(`onopen:${e.type}:${ws.protocol}:${ws.extensions}`);
  ws.addEventListener('open', () => log.push('listener:open'));
  ws.onmessage = (e) => log.push(`onmessage:${describe(e.data)}`);
  ws.addEventListener('message', (e) => log.push(`listener:message:${e.origin}`));
  const closed = new Promise<void>((resolve) => {
    ws.onclose = (e) => {
      log.push(`onclose:${e.code}:${e.reason}:${e.wasClean}`);
      resolve();
    };
  });
  await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
  ws.send('hello');
  ws.send(new Uint8Array([1, 2, 3]));
  ws.send(new Blob(['abcd']));
  ws.send(new ArrayBuffer(5));
  ws.send({ toString: () => 'object' } as unknown as string);
  out.bufferedAfterSend = ws.bufferedAmount >= 0;
  await new Promise<void>((resolve) => {
    let n = 0;
    ws.addEventListener('message', () => ++n === 5 && resolve());
  });
  ws.onmessage = null;
  out.handlerCleared = ws.onmessage;
  ws.close(4001, 'bye');
  out.closeTwice = attempt(() => ws.close());
  out.sendAfterClose = attempt(() => ws.send('late'));
  await closed;
  out.log = log;
  out.finalState = [ws.readyState, ws.bufferedAmount];

  class Tagged extends W {
    tag = 'sub';
  }
  const sub = new Tagged(`${wsBase}/ws/echo`);
  out.subclass = [
    sub instanceof Tagged,
    sub instanceof W,
    sub.tag,
    Object.getPrototypeOf(sub) === Tagged.prototype,
    sub.constructor === Tagged,
  ];
  sub.close();
  return out;
}
