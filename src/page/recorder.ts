import type { UnsequencedEvent } from '../protocol/recorder-events';
import { BINARY_PREVIEW_BYTES } from '../protocol/envelope';
import type { InjectCommand } from '../protocol/inject-command';
import { Disguise } from './disguise';
import { FaultInjector } from './fault-injection';
import { OPEN } from './natives';
import type { Natives } from './natives';
import { describePayload, hex, isBinary } from './payload';

/**
 * Where the recorder's observations go. The sink keeps the very objects it is given, so a Blob's
 * preview, read asynchronously, can still be filled in before the event is sent on.
 */
export interface RecorderSink {
  emit(e: UnsequencedEvent): void;
  blobPreview(read: Promise<void>): void;
}

/** What the page channel may ask of the recorder: the tester's fault controls. */
export interface RecorderControl {
  inject(command: InjectCommand): void;
}

/**
 * Patches `win.WebSocket` so every socket the page creates is recorded, while the page sees the
 * native API: the constructor and `send`/`close` are Proxies of the natives (same prototype,
 * constants, name, length, toString, exceptions), and every socket is a real native WebSocket.
 * The recorder listens on each socket itself, first, so it sees events the page never listens to.
 * Nothing here may throw into page code: recording runs after the native call, inside try/catch.
 */
export function patchWebSocket(
  win: Window & typeof globalThis,
  natives: Natives,
  sink: RecorderSink,
  ownScript: string | null = null,
): RecorderControl {
  const Native = natives.WebSocket;
  const { get, apply } = natives;
  const disguise = new Disguise(win, natives, ownScript);
  const ids = new WeakMap<WebSocket, number>();
  /** Sockets not yet closed, by number: what a fault control can reach. */
  const live = new Map<number, WebSocket>();
  let nextId = 0;

  const record = (build: () => UnsequencedEvent | null): void => {
    try {
      const e = build();
      if (e) sink.emit(e);
    } catch {
      // Recording must never disturb the page; a lost observation is the lesser harm.
    }
  };
  const faults = new FaultInjector(natives, record);

  const recordMessage = (socket: number, dir: 'sent' | 'received', data: unknown): void =>
    record(() => {
      const p = describePayload(data, natives);
      if (!p) return null;
      const e = {
        type: 'message' as const,
        socket,
        t: natives.now(),
        dir,
        kind: p.kind,
        jsType: p.jsType,
        size: p.size,
        preview: p.preview,
        truncated: p.truncated,
      };
      if (p.blob) {
        sink.blobPreview(
          natives.blobHead(p.blob, BINARY_PREVIEW_BYTES).then(
            (head) => void (e.preview = hex(new Uint8Array(head), natives)),
            () => undefined,
          ),
        );
      }
      return e;
    });

  const track = (ws: WebSocket, requested: unknown): void => {
    const socket = ++nextId;
    ids.set(ws, socket);
    record(() => ({
      type: 'created',
      socket,
      t: natives.now(),
      url: get.wsUrl(ws),
      frameUrl: win.location.href,
      protocols: requestedProtocols(requested),
    }));
    natives.addListener(ws, 'open', () =>
      record(() => ({
        type: 'open',
        socket,
        t: natives.now(),
        protocol: get.wsProtocol(ws),
        extensions: get.wsExtensions(ws),
      })),
    );
    natives.addListener(ws, 'message', (e) => recordMessage(socket, 'received', get.messageData(e)));
    natives.addListener(ws, 'error', () => record(() => ({ type: 'error', socket, t: natives.now() })));
    // Capturing, so it runs before every listener of the page (capturing ones fire first at
    // the target): a dropped socket's real close event must be stopped before the page sees it.
    natives.addListener(
      ws,
      'close',
      (e) => {
        if (faults.swallow(ws, e)) return;
        live.delete(socket);
        record(() => ({
          type: 'closed',
          socket,
          t: natives.now(),
          code: get.closeCode(e),
          reason: get.closeReason(e),
          wasClean: get.closeWasClean(e),
          ...(faults.wasInjected(ws) ? { injected: true as const } : {}),
        }));
      },
      true,
    );
    live.set(socket, ws);
  };

  const Patched = disguise.wrap(Native, {
    construct(target, args, newTarget) {
      // `newTarget` is the Proxy itself or a page subclass: its `prototype` is what the page expects.
      const ws = natives.construct(target, args, newTarget) as WebSocket;
      try {
        track(ws, args[1]);
      } catch {
        // Untracked, but the page gets its socket.
      }
      return ws;
    },
  });

  // send and close each get their own apply trap, with no shared helper between: every frame of
  // ours in the stack costs the page one of its own under Error.stackTraceLimit.
  const proto = Native.prototype;
  const nativeSend = proto.send;
  const nativeClose = proto.close;

  disguise.replace(
    proto,
    'send',
    disguise.wrap(nativeSend, {
      apply(target, self, args) {
        const socket = ids.get(self as WebSocket);
        if (socket === undefined) return apply(target, self, args);
        // WebIDL converts a non-binary object argument with ToString once; convert it here, once,
        // so the recorder can measure the very string the browser sends without a second call
        // into page code. A template literal rather than String(): no builtin frame shows in the
        // stack of an exception the page's own toString throws.
        let data: unknown = args[0];
        if (typeof data === 'object' && data !== null && !isBinary(data, natives))
          data = `${data as unknown as string}`;
        const wasOpen = get.wsReadyState(self as WebSocket) === OPEN;
        const result = apply(target, self, args.length > 0 ? [data] : args);
        // send() while CLOSING or CLOSED discards the data silently: nothing went on the wire.
        if (wasOpen) recordMessage(socket, 'sent', data);
        return result;
      },
    }),
  );

  disguise.replace(
    proto,
    'close',
    disguise.wrap(nativeClose, {
      apply(target, self, args) {
        const socket = ids.get(self as WebSocket);
        if (socket === undefined) return apply(target, self, args);
        // As for send(): convert object arguments once, as WebIDL would (ToNumber, ToString),
        // and hand the browser primitives, whose conversion has no side effects.
        const code: unknown = typeof args[0] === 'object' && args[0] !== null ? +args[0] : args[0];
        const reason: unknown =
          typeof args[1] === 'object' && args[1] !== null ? `${args[1] as string}` : args[1];
        const result = apply(target, self, args.length > 1 ? [code, reason] : args.length > 0 ? [code] : []);
        record(() => ({
          type: 'close-call',
          socket,
          t: natives.now(),
          code: code === undefined ? null : clampUnsignedShort(Number(code)),
          // The native call returned, so `reason` is a primitive it converted to a string.
          reason: reason === undefined ? null : `${reason as string}`,
        }));
        return result;
      },
    }),
  );

  // Instances' `constructor` must be what the page calls WebSocket.
  disguise.replace(proto, 'constructor', Patched);
  disguise.replace(win, 'WebSocket', Patched);

  return {
    inject(command) {
      const ws = live.get(command.socket);
      if (!ws) return;
      try {
        faults.inject(ws, command.socket, command);
      } catch {
        // A fault control must not break the page either.
      }
    },
  };
}

/** The requested subprotocols, read without iterating a page-supplied iterable a second time. */
function requestedProtocols(requested: unknown): string[] {
  if (typeof requested === 'string') return [requested];
  if (!Array.isArray(requested)) return [];
  const out: string[] = [];
  for (let i = 0; i < requested.length && i < 64; i++) {
    const p: unknown = requested[i];
    if (typeof p === 'string') out[out.length] = p;
  }
  return out;
}

/** WebIDL `[Clamp] unsigned short`: what the browser made of the code the page passed. */
export function clampUnsignedShort(n: number): number {
  if (Number.isNaN(n)) return 0;
  const clamped = Math.min(Math.max(n, 0), 65535);
  const floor = Math.floor(clamped);
  const diff = clamped - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
