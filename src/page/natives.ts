/**
 * Built-ins the recorder relies on, captured once at document_start, before any page script.
 * A page may later replace or break globals (JSON, performance, Blob.prototype.slice...); the
 * recorder keeps using the originals so it neither misbehaves nor calls page code by accident.
 */
/** `WebSocket.OPEN`, as a literal: the page may have replaced the constant's holder by now. */
export const OPEN = 1;

export interface Natives {
  WebSocket: typeof WebSocket;
  construct: typeof Reflect.construct;
  /** Reflect.apply, typed to return what it returns: unknown until checked. */
  apply: (fn: (...args: never[]) => unknown, self: unknown, args: readonly unknown[]) => unknown;
  defineProperty: typeof Object.defineProperty;
  getOwnPropertyDescriptor: typeof Object.getOwnPropertyDescriptor;
  stringify: typeof JSON.stringify;
  getPrototypeOf: typeof Object.getPrototypeOf;
  indexOf: (s: string, search: string, from: number) => number;
  slice: (s: string, start: number, end: number) => string;
  /** `String.fromCharCode` over an array of codes, read as array-like (no page iterator). */
  fromCharCodes: (codes: number[]) => string;
  parse: typeof JSON.parse;
  setTimeout: (fn: () => void, ms: number) => unknown;
  now: () => number;
  randomId: () => string;
  dispatch: (type: string, detail: string) => void;
  listen: (type: string, fn: (detail: unknown) => void) => void;
  addListener: (target: EventTarget, type: string, fn: (e: Event) => void, capture?: boolean) => void;
  /** Dispatches an event on a target, e.g. a synthetic close event on a socket. */
  dispatchOn: (target: EventTarget, e: Event) => void;
  stopImmediatePropagation: (e: Event) => void;
  closeEvent: (code: number, reason: string, wasClean: boolean) => Event;
  /** The native WebSocket.prototype.close, bypassing the recorder's wrapper. */
  wsClose: (ws: WebSocket, ...args: [] | [number, string]) => void;
  /** `Object.prototype.toString` tag, e.g. "Uint8Array", without calling page-overridable code. */
  tag: (value: object) => string;
  isView: (value: unknown) => value is ArrayBufferView;
  /** Native getters, called on an object of the right brand; they throw on any other. */
  get: {
    wsUrl(ws: WebSocket): string;
    wsProtocol(ws: WebSocket): string;
    wsExtensions(ws: WebSocket): string;
    wsReadyState(ws: WebSocket): number;
    closeCode(e: Event): number;
    closeReason(e: Event): string;
    closeWasClean(e: Event): boolean;
    messageData(e: Event): unknown;
    bufferByteLength(b: ArrayBuffer): number;
    viewByteLength(v: ArrayBufferView): number;
    viewByteOffset(v: ArrayBufferView): number;
    viewBuffer(v: ArrayBufferView): ArrayBufferLike;
    blobSize(b: Blob): number;
  };
  blobHead(b: Blob, bytes: number): Promise<ArrayBuffer>;
}

type Getter<T, R> = (self: T) => R;

export function captureNatives(win: Window & typeof globalThis): Natives {
  const { Reflect: R, Object: O } = win;
  const apply: Natives['apply'] = R.apply;
  const getter = <T, R2>(proto: object, name: string): Getter<T, R2> => {
    const get = O.getOwnPropertyDescriptor(proto, name)?.get;
    if (!get) throw new Error(`no native getter ${name}`);
    return (self: T) => apply(get, self, []) as R2;
  };
  const typedArrayProto = O.getPrototypeOf(win.Uint8Array.prototype) as object;
  const toStringTag = O.prototype.toString;
  const dispatchEvent = win.EventTarget.prototype.dispatchEvent;
  const addEventListener = win.EventTarget.prototype.addEventListener;
  const detailOf = getter<Event, unknown>(win.CustomEvent.prototype, 'detail');
  const CustomEventCtor = win.CustomEvent;
  const CloseEventCtor = win.CloseEvent;
  const stopImmediate = win.Event.prototype.stopImmediatePropagation;
  const wsClose = win.WebSocket.prototype.close;
  const doc = win.document;
  const perf = win.performance;
  const perfNow = perf.now;
  const timeOrigin = perf.timeOrigin;
  const setTimeoutFn = win.setTimeout;
  const crypto = win.crypto;
  const randomUUID = typeof crypto?.randomUUID === 'function' ? crypto.randomUUID : null;
  const random = win.Math.random;
  const blobSlice = win.Blob.prototype.slice;
  const blobArrayBuffer = win.Blob.prototype.arrayBuffer;
  const viewGetter = <R2>(name: string): Getter<ArrayBufferView, R2> => {
    const typed = getter<ArrayBufferView, R2>(typedArrayProto, name);
    const dataView = getter<ArrayBufferView, R2>(win.DataView.prototype, name);
    return (v) => (win.ArrayBuffer.isView(v) && tagOf(v) === 'DataView' ? dataView(v) : typed(v));
  };
  const fromCharCode = win.String.fromCharCode;
  const { indexOf, slice } = win.String.prototype;
  const tagOf = (value: object): string => (apply(toStringTag, value, []) as string).slice(8, -1);

  return {
    WebSocket: win.WebSocket,
    construct: R.construct,
    apply,
    defineProperty: O.defineProperty,
    getOwnPropertyDescriptor: O.getOwnPropertyDescriptor,
    stringify: win.JSON.stringify,
    fromCharCodes: (codes) => apply(fromCharCode, null, codes) as string,
    getPrototypeOf: O.getPrototypeOf,
    indexOf: (s, search, from) => apply(indexOf, s, [search, from]) as number,
    slice: (s, start, end) => apply(slice, s, [start, end]) as string,
    parse: win.JSON.parse,
    setTimeout: (fn, ms) => apply(setTimeoutFn, win, [fn, ms]),
    now: () => timeOrigin + (apply(perfNow, perf, []) as number),
    randomId: () =>
      randomUUID
        ? (apply(randomUUID, crypto, []) as string)
        : (apply(random, win.Math, []) as number).toString(36).slice(2),
    dispatch: (type, detail) => {
      apply(dispatchEvent, doc, [new CustomEventCtor(type, { detail })]);
    },
    listen: (type, fn) => {
      apply(addEventListener, doc, [type, (e: Event) => fn(detailOf(e))]);
    },
    addListener: (target, type, fn, capture = false) => {
      apply(addEventListener, target, [type, fn, capture]);
    },
    dispatchOn: (target, e) => {
      apply(dispatchEvent, target, [e]);
    },
    stopImmediatePropagation: (e) => {
      apply(stopImmediate, e, []);
    },
    closeEvent: (code, reason, wasClean) => new CloseEventCtor('close', { code, reason, wasClean }),
    wsClose: (ws, ...args) => {
      apply(wsClose, ws, args);
    },
    tag: tagOf,
    isView: win.ArrayBuffer.isView as Natives['isView'],
    get: {
      wsUrl: getter(win.WebSocket.prototype, 'url'),
      wsProtocol: getter(win.WebSocket.prototype, 'protocol'),
      wsExtensions: getter(win.WebSocket.prototype, 'extensions'),
      wsReadyState: getter(win.WebSocket.prototype, 'readyState'),
      closeCode: getter(win.CloseEvent.prototype, 'code'),
      closeReason: getter(win.CloseEvent.prototype, 'reason'),
      closeWasClean: getter(win.CloseEvent.prototype, 'wasClean'),
      messageData: getter(win.MessageEvent.prototype, 'data'),
      bufferByteLength: getter(win.ArrayBuffer.prototype, 'byteLength'),
      viewByteLength: viewGetter('byteLength'),
      viewByteOffset: viewGetter('byteOffset'),
      viewBuffer: viewGetter('buffer'),
      blobSize: getter(win.Blob.prototype, 'size'),
    },
    blobHead: (b, bytes) =>
      apply(blobArrayBuffer, apply(blobSlice, b, [0, bytes]), []) as Promise<ArrayBuffer>,
  };
}
