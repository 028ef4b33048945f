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
  MathRandom,
  NumberPrototypeToString,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  StringPrototypeSlice,
  uncurryGetter,
  uncurryThis,
} from '../primordials/primordials';

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
  /** True only for events the browser itself generated: a page's dispatchEvent gives false. */
  isTrusted(e: Event): boolean;
  messageData(e: Event): unknown;
  closeCode(e: Event): number;
  closeReason(e: Event): string;
  closeWasClean(e: Event): boolean;
  closeEvent(code: number, reason: string, wasClean: boolean): Event;
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

export function captureNatives(win: Window & typeof globalThis): Natives {
  const WS = win.WebSocket.prototype;
  const addEventListener = uncurryThis(win.EventTarget.prototype.addEventListener);
  const dispatchEvent = uncurryThis(win.EventTarget.prototype.dispatchEvent);
  const detailOf = uncurryGetter<Event, unknown>(win.CustomEvent.prototype, 'detail');
  const { CustomEvent: CustomEventCtor, CloseEvent: CloseEventCtor, FileReader: FileReaderCtor } = win;
  // The window's current document, not the one there at start: in Firefox an iframe's document
  // replaces its initial about:blank in the same Window, and the recorder is installed once a
  // Window. `document` is an own [LegacyUnforgeable] accessor: the page cannot replace it.
  const documentOf = uncurryGetter<Window, Document>(win, 'document');
  const setTimeoutFn = win.setTimeout;
  const crypto = win.crypto;
  const randomUUID = typeof crypto?.randomUUID === 'function' ? uncurryThis(crypto.randomUUID) : null;
  // `isTrusted` and `location.href` are [LegacyUnforgeable]: own, non-configurable accessors of
  // each instance, which the page cannot replace; their getters are captured from one instance.
  const sample = new win.Event('');
  const isTrustedGet =
    ObjectGetOwnPropertyDescriptor(sample, 'isTrusted')?.get ??
    ObjectGetOwnPropertyDescriptor(win.Event.prototype, 'isTrusted')?.get;
  if (isTrustedGet === undefined) throw new TypeError('no isTrusted getter');
  const location = win.location;
  const hrefGet = ObjectGetOwnPropertyDescriptor(location, 'href')?.get;
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
    isTrusted: uncurryThis(isTrustedGet as (this: Event) => boolean),
    messageData: uncurryGetter(win.MessageEvent.prototype, 'data'),
    closeCode: uncurryGetter(win.CloseEvent.prototype, 'code'),
    closeReason: uncurryGetter(win.CloseEvent.prototype, 'reason'),
    closeWasClean: uncurryGetter(win.CloseEvent.prototype, 'wasClean'),
    closeEvent: (code, reason, wasClean) => new CloseEventCtor('close', { code, reason, wasClean }),
    stopImmediatePropagation: uncurryThis(win.Event.prototype.stopImmediatePropagation),
    addListener: (target, type, fn, capture) => addEventListener(target, type, fn, capture),
    dispatchOn: (target, e) => void dispatchEvent(target, e),
    dispatch: (type, detail) => void dispatchEvent(documentOf(win), new CustomEventCtor(type, { detail })),
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
    setTimeout: (fn, ms) => void ReflectApply(setTimeoutFn, win, [fn, ms]),
    // randomUUID exists in secure contexts only.
    randomId: () =>
      randomUUID && crypto
        ? randomUUID(crypto)
        : StringPrototypeSlice(NumberPrototypeToString(MathRandom(), 36), 2, 14),
    frameUrl: () => (hrefGet ? ReflectApply(hrefGet as () => string, location, []) : ''),
  };
}
