import type { InjectCommand } from '../protocol/inject-command';
import type { InterceptCommand } from '../protocol/intercept-command';
import type { SocketSummary } from '../protocol/socket-summary';
import {
  ArrayIsArray,
  MapCtor,
  MapPrototypeGet,
  MathFloor,
  MathMax,
  MathMin,
  NumberIsNaN,
  ReflectApply,
  ReflectConstruct,
  WeakMapCtor,
  WeakMapPrototypeGet,
  WeakMapPrototypeSet,
} from '../primordials/primordials';
import { Disguise } from './disguise';
import { FaultInjector } from './fault-injection';
import { Interceptor } from './interceptor';
import { OPEN } from './natives';
import type { Natives } from './natives';
import type { PageChannel } from './page-channel';
import type { PageHistory } from './page-history';
import { capped, isBinary } from './payload';
import { MAX_PROTOCOLS, MAX_PROTOCOL_CHARS, MAX_URL_CHARS } from '../protocol/text-limits';
import { listenTo } from './socket-listeners';
import { TesterMessages } from './tester-messages';
import type { Recording } from './socket-listeners';

/**
 * What the page channel may ask of the recorder: the tester's fault controls and messages, and
 * interception (rules, and decisions on held messages; a decision's document is checked already).
 */
export interface RecorderControl {
  inject(command: InjectCommand): void;
  intercept(command: InterceptCommand): void;
}

/**
 * Patches `win.WebSocket` so every socket the page creates is recorded, while the page sees the
 * native API: the constructor and `send`/`close` are Proxies of the natives (same prototype,
 * constants, name, length, toString, exceptions), and every socket is a real native WebSocket.
 * The recorder listens on each socket itself, first, so it sees events the page never listens to.
 * Nothing here may throw into page code: whatever the recorder does beyond the native call runs
 * inside try/catch, and a failed observation is lost rather than felt by the page.
 */
export function patchWebSocket(
  win: Window & typeof globalThis,
  natives: Natives,
  history: PageHistory,
  channel: Pick<PageChannel, 'push'>,
  ownScript: string | null = null,
): RecorderControl {
  const Native = natives.WebSocket;
  const disguise = new Disguise(natives, ownScript);
  /** Each recorded socket's number and summary: one lookup per send() or close(). */
  const ids = new WeakMapCtor<WebSocket, { socket: number; summary: SocketSummary | null }>();
  const live = new MapCtor<number, WebSocket>();
  let nextId = 0;
  const emit: Recording['emit'] = (e) => channel.push(history.record(e));
  const faults = new FaultInjector(natives, emit);
  const talk = new TesterMessages(natives, history);
  const intercept = new Interceptor(natives, history, emit);
  const recording: Recording = { natives, history, emit, faults, live, intercept };

  const track = (ws: WebSocket, requested: unknown): void => {
    const socket = ++nextId;
    emit({
      type: 'created',
      socket,
      t: natives.now(),
      url: capped(natives.wsUrl(ws), MAX_URL_CHARS),
      frameUrl: capped(natives.frameUrl(), MAX_URL_CHARS),
      protocols: requestedProtocols(requested),
    });
    WeakMapPrototypeSet(ids, ws, { socket, summary: history.summaryOf(socket) ?? null });
    intercept.track(ws, socket);
    listenTo(ws, socket, recording);
  };

  const Patched = disguise.wrap(Native, {
    construct(target, args, newTarget) {
      // `newTarget` is the Proxy itself or a page subclass: its `prototype` is what the page expects.
      const ws = ReflectConstruct(target, args, newTarget) as WebSocket;
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
  const { nativeSend, nativeClose } = natives;

  disguise.replace(
    proto,
    'send',
    disguise.wrap(nativeSend, {
      apply(target, self: WebSocket, args: unknown[]) {
        let socket: { socket: number; summary: SocketSummary | null } | undefined;
        let data: unknown = args[0];
        let convert = false;
        let wasOpen = false;
        try {
          socket = WeakMapPrototypeGet(ids, self);
          // WebIDL converts a non-binary object argument with ToString once; convert it here,
          // once, so the recorder measures the very string the browser sends without a second
          // call into page code.
          convert =
            socket !== undefined && typeof data === 'object' && data !== null && !isBinary(data, natives);
          wasOpen = socket !== undefined && natives.wsReadyState(self) === OPEN;
        } catch {
          // Not measurable: the browser converts the argument itself, and nothing is recorded.
          socket = undefined;
        }
        if (socket === undefined) return ReflectApply(target, self, args);
        // A template literal rather than String(): no builtin frame shows in the stack of an
        // exception the page's own toString throws.
        if (convert) data = `${data as string}`;
        // Rules off, this one check is all interception costs a send().
        if (wasOpen && intercept.active) {
          let taken = false;
          try {
            taken = intercept.send(self, data);
          } catch {
            // Sent as it was: interception must not break the page's send().
          }
          if (taken) return undefined;
        }
        const result = ReflectApply(target, self, args.length > 0 ? [data] : args);
        // send() while CLOSING or CLOSED discards the data silently: nothing went on the wire.
        if (wasOpen) {
          try {
            history.message(socket.summary, socket.socket, true, natives.now(), data);
          } catch {
            // Recording must never disturb the page; a lost observation is the lesser harm.
          }
        }
        return result;
      },
    }),
  );

  disguise.replace(
    proto,
    'close',
    disguise.wrap(nativeClose, {
      apply(target, self: WebSocket, args: unknown[]) {
        let socket: number | undefined;
        try {
          socket = WeakMapPrototypeGet(ids, self)?.socket;
        } catch {
          socket = undefined;
        }
        if (socket === undefined) return ReflectApply(target, self, args);
        // As for send(): convert object arguments once, as WebIDL would (ToNumber, ToString),
        // and hand the browser primitives, whose conversion has no side effects.
        const code: unknown = typeof args[0] === 'object' && args[0] !== null ? +args[0] : args[0];
        const rawReason: unknown = args[1];
        const reason: unknown =
          // WebIDL's ToString, inline as in send(): the page's own toString runs once.
          typeof rawReason === 'object' && rawReason !== null
            ? `${rawReason as unknown as string}`
            : rawReason;
        const result = ReflectApply(
          target,
          self,
          args.length > 1 ? [code, reason] : args.length > 0 ? [code] : [],
        );
        try {
          emit({
            type: 'close-call',
            socket,
            t: natives.now(),
            code: code === undefined ? null : clampUnsignedShort(+(code as number)),
            // The native call returned, so `reason` is a primitive it converted to a string.
            reason: reason === undefined ? null : `${reason as string}`,
          });
        } catch {
          // As above: the page's close() went through; only the observation is lost.
        }
        return result;
      },
    }),
  );

  // Instances' `constructor` must be what the page calls WebSocket.
  disguise.replace(proto, 'constructor', Patched);
  disguise.replace(win, 'WebSocket', Patched);

  return {
    inject(command) {
      try {
        const ws = MapPrototypeGet(live, command.socket);
        const { action, message } = command;
        if (!ws) return;
        if (action === 'close' || action === 'drop')
          faults.inject(ws, command.socket, { action, code: command.code, reason: command.reason });
        else if (message !== null && action === 'send') talk.send(ws, command.socket, message);
        else if (message !== null) talk.receive(ws, command.socket, message);
      } catch {
        // The tester's controls must not break the page either.
      }
    },
    intercept(command) {
      try {
        if (command.type === 'intercept-rules') intercept.setRules(command.rules);
        else if (command.type === 'hold-decision')
          intercept.decide(command.hold, command.decision, command.text);
        else intercept.releaseAll();
      } catch {
        // As above.
      }
    },
  };
}

/** The requested subprotocols, read without iterating a page-supplied iterable a second time. */
function requestedProtocols(requested: unknown): string[] {
  if (typeof requested === 'string') return [capped(requested, MAX_PROTOCOL_CHARS)];
  if (!ArrayIsArray(requested)) return [];
  const out: string[] = [];
  for (let i = 0; i < requested.length && i < MAX_PROTOCOLS; i++) {
    const p: unknown = requested[i];
    if (typeof p === 'string') out[out.length] = capped(p, MAX_PROTOCOL_CHARS);
  }
  return out;
}

/** WebIDL `[Clamp] unsigned short`: what the browser made of the code the page passed. */
export function clampUnsignedShort(n: number): number {
  if (NumberIsNaN(n)) return 0;
  const clamped = MathMin(MathMax(n, 0), 65535);
  const floor = MathFloor(clamped);
  const diff = clamped - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
