/**
 * The web platform's built-ins the recorder relies on, captured once from the window at
 * document_start, before any page script, and uncurried like the language's (primordials.ts):
 * the page may later replace `EventTarget.prototype.addEventListener`, `performance.now`, the
 * `MessageEvent` `data` getter..., and the recorder keeps calling the originals, so it neither
 * runs page code by accident nor breaks with it.
 */
/* eslint-disable page-world/no-unsafe-builtins -- this module is where they are captured */
import {
  DateNow,
  ObjectDefineProperty,
  SymbolIterator,
  MathRandom,
  NumberPrototypeToString,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  StringPrototypeSlice,
  uncurryGetter,
  uncurryThis,
} from '../primordials/primordials';
import { captureTimer } from './capture-timer';

/** `WebSocket.OPEN`, as a literal: the page may have replaced the constant's holder by now. */
export const OPEN = 1;

export interface Natives {
  WebSocket: typeof WebSocket;
  /** The native `send` and `close`, which the recorder's wrappers call. */
  nativeSend: WebSocket['send'];
  nativeClose: WebSocket['close'];
  /** The page's `Function.prototype`, whose `toString` the disguise answers for, and that toString. */
  FunctionPrototype: object;
  FunctionPrototypeToString: (this: unknown) => string;
  /** The page's Proxy: wrappers must belong to the page's realm. */
  Proxy: ProxyConstructor;
  wsUrl(ws: WebSocket): string;
  wsProtocol(ws: WebSocket): string;
  wsExtensions(ws: WebSocket): string;
  wsReadyState(ws: WebSocket): number;
  /** The native WebSocket.prototype.close, bypassing the recorder's wrapper. */
  wsClose(ws: WebSocket, ...args: [] | [number, string]): void;
  /** The native WebSocket.prototype.send, bypassing the recorder's wrapper and any of the page's. */
  wsSend(ws: WebSocket, data: string | ArrayBuffer): void;
  wsBinaryType(ws: WebSocket): string;
  /** True only for events the browser itself generated: a page's dispatchEvent gives false. */
  isTrusted(e: Event): boolean;
  messageData(e: Event): unknown;
  closeCode(e: Event): number;
  closeReason(e: Event): string;
  closeWasClean(e: Event): boolean;
  closeEvent(code: number, reason: string, wasClean: boolean): Event;
  /** A `message` event as a WebSocket's: `data`, and the origin of the socket's URL. */
  messageEvent(data: unknown, origin: string): Event;
  /** A Blob of these bytes. */
  blob(bytes: ArrayBuffer): Blob;
  stopImmediatePropagation(e: Event): void;
  addListener(target: EventTarget, type: string, fn: (this: never, e: Event) => void, capture: boolean): void;
  dispatchOn(target: EventTarget, e: Event): void;
  /** A CustomEvent with a string `detail` on the current document: the page <-> relay channel. */
  dispatch(type: string, detail: string): void;
  listen(type: string, fn: (detail: unknown) => void): void;
  blobSize(b: Blob): number;
  /** 'File' or 'Blob', by brand. */
  blobType(b: Blob): string;
  /** Reads a Blob's first bytes; `done` gets them, or null when the read failed. */
  readBlobHead(b: Blob, bytes: number, done: (head: ArrayBuffer | null) => void): void;
  /**
   * Epoch milliseconds, the time of every recorded event: `Date.now`, which V8 answers itself,
   * where `performance.now()` or an event's `timeStamp` is a call into the browser (measured:
   * the costliest part of recording a message after its `data`).
   */
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  /** Random per document, so socket ids stay unique across frames and reloads. */
  randomId(): string;
  frameUrl(): string;
}

/**
 * The `href` getter of the scope's location, and how to reach the location. A window's location
 * and its `href` are own accessors, read at once. A worker's are on WorkerGlobalScope's and
 * WorkerLocation's prototypes, and are only captured here: measured in Chromium 156, merely
 * reading `self.location` in a dedicated worker that a debugger holds before its script loaded
 * (deep capture) crashes the renderer, so the location is read when a socket is made.
 */
function captureLocation(win: Window & typeof globalThis): {
  hrefGet: ((this: unknown) => unknown) | undefined;
  locationOf: () => unknown;
} {
  const scope = (win as { WorkerGlobalScope?: { prototype: object } }).WorkerGlobalScope;
  const workerLocation = (win as { WorkerLocation?: { prototype: object } }).WorkerLocation;
  if (scope && workerLocation) {
    const locationGet = ObjectGetOwnPropertyDescriptor(scope.prototype, 'location')?.get;
    return {
      hrefGet: ObjectGetOwnPropertyDescriptor(workerLocation.prototype, 'href')?.get,
      locationOf: () => (locationGet ? ReflectApply(locationGet as () => unknown, win, []) : undefined),
    };
  }
  const location = win.location;
  return { hrefGet: ObjectGetOwnPropertyDescriptor(location, 'href')?.get, locationOf: () => location };
}

export function captureNatives(win: Window & typeof globalThis): Natives {
  const WS = win.WebSocket.prototype;
  const addEventListener = uncurryThis(win.EventTarget.prototype.addEventListener);
  const dispatchEvent = uncurryThis(win.EventTarget.prototype.dispatchEvent);
  const detailOf = uncurryGetter<Event, unknown>(win.CustomEvent.prototype, 'detail');
  const {
    CustomEvent: CustomEventCtor,
    CloseEvent: CloseEventCtor,
    MessageEvent: MessageEventCtor,
    Blob: BlobCtor,
    FileReader: FileReaderCtor,
  } = win;
  // The window's current document, not the one there at start: in Firefox an iframe's document
  // replaces its initial about:blank in the same Window, and the recorder is installed once a
  // Window. `document` is an own [LegacyUnforgeable] accessor: the page cannot replace it. A
  // worker has none: its recorder speaks over a debugger binding instead (page-transport.ts).
  const documentOf = ObjectGetOwnPropertyDescriptor(win, 'document')
    ? uncurryGetter<Window, Document>(win, 'document')
    : null;
  const setTimeoutFn = captureTimer(win);
  const crypto = win.crypto;
  const randomUUID = typeof crypto?.randomUUID === 'function' ? uncurryThis(crypto.randomUUID) : null;
  // `isTrusted` and `location.href` are [LegacyUnforgeable]: own, non-configurable accessors of
  // each instance, which the page cannot replace; their getters are captured from one instance.
  const sample = new win.Event('');
  const isTrustedGet =
    ObjectGetOwnPropertyDescriptor(sample, 'isTrusted')?.get ??
    ObjectGetOwnPropertyDescriptor(win.Event.prototype, 'isTrusted')?.get;
  if (isTrustedGet === undefined) throw new TypeError('no isTrusted getter');
  const { hrefGet, locationOf } = captureLocation(win);
  const blobSlice = uncurryThis(win.Blob.prototype.slice);
  const fileName = win.File ? uncurryGetter<Blob, string>(win.File.prototype, 'name') : null;
  const readAsArrayBuffer = FileReaderCtor ? uncurryThis(FileReaderCtor.prototype.readAsArrayBuffer) : null;
  const readerResult = FileReaderCtor
    ? uncurryGetter<FileReader, ArrayBuffer | string | null>(FileReaderCtor.prototype, 'result')
    : null;

  return {
    WebSocket: win.WebSocket,
    nativeSend: WS.send,
    nativeClose: WS.close,
    FunctionPrototype: win.Function.prototype,
    FunctionPrototypeToString: win.Function.prototype.toString,
    Proxy: win.Proxy,
    wsUrl: uncurryGetter(WS, 'url'),
    wsProtocol: uncurryGetter(WS, 'protocol'),
    wsExtensions: uncurryGetter(WS, 'extensions'),
    wsReadyState: uncurryGetter(WS, 'readyState'),
    wsClose: uncurryThis(WS.close),
    wsSend: uncurryThis(WS.send),
    wsBinaryType: uncurryGetter(WS, 'binaryType'),
    isTrusted: uncurryThis(isTrustedGet as (this: Event) => boolean),
    messageData: uncurryGetter(win.MessageEvent.prototype, 'data'),
    closeCode: uncurryGetter(win.CloseEvent.prototype, 'code'),
    closeReason: uncurryGetter(win.CloseEvent.prototype, 'reason'),
    closeWasClean: uncurryGetter(win.CloseEvent.prototype, 'wasClean'),
    closeEvent: (code, reason, wasClean) => new CloseEventCtor('close', { code, reason, wasClean }),
    messageEvent(data, origin) {
      // WebIDL reads an init dictionary's members through its prototype chain: a page could
      // answer for `ports` or `source` from Object.prototype. This one has no prototype.
      const init = { __proto__: null, data, origin };
      return new MessageEventCtor('message', init);
    },
    blob(bytes) {
      // The constructor iterates its parts with Array.prototype[Symbol.iterator], which the page
      // can replace: these parts carry an iterator of their own.
      const parts: BlobPart[] = [bytes];
      const iterator = { __proto__: null, value: () => iterateOnce(bytes) };
      ObjectDefineProperty(parts, SymbolIterator, iterator);
      return new BlobCtor(parts);
    },
    stopImmediatePropagation: uncurryThis(win.Event.prototype.stopImmediatePropagation),
    addListener: (target, type, fn, capture) => addEventListener(target, type, fn, capture),
    dispatchOn: (target, e) => void dispatchEvent(target, e),
    dispatch: (type, detail) => {
      if (documentOf) dispatchEvent(documentOf(win), new CustomEventCtor(type, { detail }));
    },
    // On the window, capturing: events dispatched at any of its documents pass it first, so the
    // relay of a document that replaced the first one is heard too.
    listen: (type, fn) => addEventListener(win, type, (e: Event) => fn(detailOf(e)), true),
    blobSize: uncurryGetter(win.Blob.prototype, 'size'),
    blobType(b) {
      try {
        if (fileName) fileName(b);
        return fileName ? 'File' : 'Blob';
      } catch {
        return 'Blob';
      }
    },
    readBlobHead(b, bytes, done) {
      if (!FileReaderCtor || !readAsArrayBuffer || !readerResult) return done(null);
      // A FileReader rather than Blob.arrayBuffer(): a promise's `then` is the page's to replace.
      const reader = new FileReaderCtor();
      const settle = () => {
        try {
          const head = readerResult(reader);
          done(head === null || typeof head === 'string' ? null : head);
        } catch {
          // An event listener's exception would reach the page's error handlers.
        }
      };
      addEventListener(reader, 'loadend', settle);
      readAsArrayBuffer(reader, blobSlice(b, 0, bytes));
    },
    now: DateNow,
    setTimeout: setTimeoutFn,
    // randomUUID exists in secure contexts only.
    randomId: () =>
      randomUUID && crypto
        ? randomUUID(crypto)
        : StringPrototypeSlice(NumberPrototypeToString(MathRandom(), 36), 2, 14),
    frameUrl: () => (hrefGet ? ReflectApply(hrefGet as () => string, locationOf(), []) : ''),
  };
}

/** An iterator over one item, built of objects without prototypes (see `blob`). */
function iterateOnce<T>(item: T): { next(): { done: boolean; value: T } } {
  let done = false;
  const iterator = {
    __proto__: null,
    next() {
      const step = { __proto__: null, done, value: item };
      done = true;
      return step;
    },
  };
  return iterator;
}
