import { createContext, runInContext } from 'node:vm';
import { webcrypto } from 'node:crypto';
import { captureNatives } from '../../../src/page/natives';
import type { Natives } from '../../../src/page/natives';

/**
 * A window in a realm of its own (node:vm), with a fake WebSocket that behaves like the
 * browser's where the recorder can tell: accessors on the prototype, WebIDL-style exceptions,
 * events dispatched on the socket. Its own Function, Object, Proxy and JSON mean the recorder's
 * patching (toString included) stays inside this realm. End-to-end tests prove the real thing.
 */
export interface FakeSocketControls {
  open(protocol?: string, extensions?: string): void;
  receive(data: unknown): void;
  closeFromServer(code: number, reason: string, wasClean: boolean): void;
  error(): void;
  sent: unknown[];
  closeCalls: unknown[][];
}

export interface FakeWindow {
  win: Window & typeof globalThis;
  /** Events the fake browser dispatched: Node cannot make an event `isTrusted`, so this stands for it. */
  trusted: WeakSet<Event>;
  /** Controls of every socket constructed, in order. */
  sockets: FakeSocketControls[];
  /** The unpatched constructor, to compare the patched one against. */
  NativeWebSocket: typeof WebSocket;
}

export function createFakeWindow(): FakeWindow {
  const sockets: FakeSocketControls[] = [];
  const trusted = new WeakSet<Event>();
  const fromBrowser = <E extends Event>(e: E): E => {
    trusted.add(e);
    return e;
  };
  const context = createContext({});
  const realm = runInContext(
    '({ Function, Object, Proxy, Reflect, JSON, Math, Array, ArrayBuffer, Uint8Array, DataView, String, Number, Symbol })',
    context,
  ) as Record<string, unknown>;

  class FakeCloseEvent extends Event {
    #code: number;
    #reason: string;
    #wasClean: boolean;
    constructor(type: string, init: { code: number; reason: string; wasClean: boolean }) {
      super(type);
      this.#code = init.code;
      this.#reason = init.reason;
      this.#wasClean = init.wasClean;
    }
    get code() {
      return this.#code;
    }
    get reason() {
      return this.#reason;
    }
    get wasClean() {
      return this.#wasClean;
    }
  }
  class FakeMessageEvent extends Event {
    #data: unknown;
    #origin: string;
    constructor(type: string, init: { data?: unknown; origin?: string }) {
      super(type);
      this.#data = init.data;
      this.#origin = init.origin ?? '';
    }
    get data() {
      return this.#data;
    }
    get origin() {
      return this.#origin;
    }
  }

  class FakeWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    #url: string;
    #state = 0;
    #protocol = '';
    #extensions = '';
    #binaryType = 'blob';
    constructor(url: string | URL, _protocols?: string | string[]) {
      super();
      const text = String(url);
      if (!/^wss?:\/\//.test(text)) throw new DOMException(`The URL '${text}' is invalid.`, 'SyntaxError');
      this.#url = text;
      const controls: FakeSocketControls = {
        sent: [],
        closeCalls: [],
        open: (protocol = '', extensions = '') => {
          this.#state = 1;
          this.#protocol = protocol;
          this.#extensions = extensions;
          this.dispatchEvent(fromBrowser(new Event('open')));
        },
        receive: (data) =>
          this.dispatchEvent(
            fromBrowser(new FakeMessageEvent('message', { data, origin: new URL(this.#url).origin })),
          ),
        closeFromServer: (code, reason, wasClean) => {
          this.#state = 3;
          this.dispatchEvent(fromBrowser(new FakeCloseEvent('close', { code, reason, wasClean })));
        },
        error: () => this.dispatchEvent(fromBrowser(new Event('error'))),
      };
      controlsOf.set(this, controls);
      sockets.push(controls);
    }
    get url() {
      return this.#url;
    }
    get readyState() {
      return this.#state;
    }
    get protocol() {
      return this.#protocol;
    }
    get extensions() {
      return this.#extensions;
    }
    get binaryType() {
      return this.#binaryType;
    }
    set binaryType(type: string) {
      if (type === 'blob' || type === 'arraybuffer') this.#binaryType = type;
    }
    send(data: unknown) {
      if (this.#state === 0) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
      controlsOf.get(this)!.sent.push(data);
    }
    close(code?: number, reason?: string) {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(
          `The code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
          'InvalidAccessError',
        );
      }
      if (reason !== undefined && new TextEncoder().encode(reason).length > 123) {
        throw new DOMException('The message must not be greater than 123 bytes.', 'SyntaxError');
      }
      controlsOf.get(this)!.closeCalls.push([code, reason]);
      this.#state = 2;
    }
  }
  const controlsOf = new WeakMap<FakeWebSocket, FakeSocketControls>();

  /** FileReader's part the recorder uses: readAsArrayBuffer, `result`, a `loadend` event. */
  class FakeFileReader extends EventTarget {
    #result: ArrayBuffer | null = null;
    get result() {
      return this.#result;
    }
    readAsArrayBuffer(blob: Blob) {
      void blob.arrayBuffer().then((b) => {
        this.#result = b;
        this.dispatchEvent(new Event('loadend'));
      });
    }
  }

  // Events dispatched at the document pass the window first, as in a browser (the recorder
  // listens there, capturing): the fake hands the window a copy of each.
  const windowEvents = new EventTarget();
  class FakeDocument extends EventTarget {
    override dispatchEvent(e: Event): boolean {
      const detail: unknown = e instanceof CustomEvent ? e.detail : null;
      windowEvents.dispatchEvent(new CustomEvent(e.type, { detail }));
      return super.dispatchEvent(e);
    }
  }
  const document = new FakeDocument();
  const win = Object.assign(windowEvents, realm, {
    WebSocket: FakeWebSocket,
    CloseEvent: FakeCloseEvent,
    MessageEvent: FakeMessageEvent,
    CustomEvent,
    Event,
    EventTarget,
    Blob,
    File,
    FileReader: FakeFileReader,
    // Like the browser's: `href` an own accessor of the location object ([LegacyUnforgeable]).
    location: Object.defineProperty({}, 'href', { get: () => 'https://page.test/app', enumerable: true }),
    performance,
    crypto: webcrypto,
    setTimeout,
  }) as unknown as Window & typeof globalThis;
  // Like the browser's: `document` an own accessor of the window ([LegacyUnforgeable]).
  Object.defineProperty(win, 'document', { get: () => document, enumerable: true });
  return { win, trusted, sockets, NativeWebSocket: FakeWebSocket as unknown as typeof WebSocket };
}

/** The recorder's natives for a fake window, `isTrusted` read from the fake browser's record. */
export function fakeNatives(fake: FakeWindow): Natives {
  return { ...captureNatives(fake.win), isTrusted: (e) => fake.trusted.has(e) };
}
