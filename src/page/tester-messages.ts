import type { TesterMessage } from '../protocol/inject-command';
import {
  ArrayBufferCtor,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Uint8ArrayCtor,
} from '../primordials/primordials';
import { OPEN } from './natives';
import type { Natives } from './natives';
import type { PageHistory } from './page-history';

/**
 * The tester's messages, applied in the page. 'send' calls the native send() captured at start,
 * not the page-visible wrapper, so a send wrapper of the page's own does not run: the server gets
 * the message, and the page's code sees no call. 'receive' delivers a message event to the page's
 * handlers as the browser would deliver a server's: in a task of its own, after the messages
 * already queued, its `data` a string, an ArrayBuffer or a Blob as the socket's `binaryType` asks.
 * The page can tell only by `isTrusted`, which is false; the server sees nothing. Both are recorded
 * as the tester's, apart from the page's own traffic.
 */
export class TesterMessages {
  constructor(
    private readonly natives: Natives,
    private readonly history: PageHistory,
  ) {}

  send(ws: WebSocket, socket: number, m: TesterMessage): void {
    if (this.natives.wsReadyState(ws) !== OPEN) return;
    const data = m.kind === 'text' ? m.data : bytesOf(m.data);
    this.natives.wsSend(ws, data);
    this.history.message(
      this.history.summaryOf(socket) ?? null,
      socket,
      true,
      this.natives.now(),
      data,
      true,
    );
  }

  receive(ws: WebSocket, socket: number, m: TesterMessage): void {
    this.natives.setTimeout(() => this.deliver(ws, socket, m), 0);
  }

  private deliver(ws: WebSocket, socket: number, m: TesterMessage): void {
    try {
      // A socket closed meanwhile receives nothing more, from a server or from the tester.
      if (this.natives.wsReadyState(ws) !== OPEN) return;
      const { natives } = this;
      const data =
        m.kind === 'text'
          ? m.data
          : natives.wsBinaryType(ws) === 'blob'
            ? natives.blob(bytesOf(m.data))
            : bytesOf(m.data);
      // Recorded before the page's listeners run, so a reply they send comes after it in the log.
      this.history.message(this.history.summaryOf(socket) ?? null, socket, false, natives.now(), data, true);
      natives.dispatchOn(ws, natives.messageEvent(data, originOf(natives.wsUrl(ws))));
    } catch {
      // From a timer: nothing may reach the page's error handlers.
    }
  }
}

/** The bytes lower-case hex spells (checked by isTesterMessage), in a fresh ArrayBuffer. */
export function bytesOf(hex: string): ArrayBuffer {
  const n = hex.length >> 1;
  const buffer = new ArrayBufferCtor(n);
  const bytes = new Uint8ArrayCtor(buffer);
  for (let i = 0; i < n; i++)
    bytes[i] =
      (nibble(StringPrototypeCharCodeAt(hex, 2 * i)) << 4) |
      nibble(StringPrototypeCharCodeAt(hex, 2 * i + 1));
  return buffer;
}

/** '0'-'9' are 48-57, 'a'-'f' 97-102. */
function nibble(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/**
 * The origin of a WebSocket's URL as the browser serialised it (`scheme://host[:port]/path`), which
 * is what a real message event's `origin` holds: the part before the path, without credentials.
 */
export function originOf(url: string): string {
  const scheme = StringPrototypeIndexOf(url, '://');
  if (scheme < 0) return '';
  let host = scheme + 3;
  let end = StringPrototypeIndexOf(url, '/', host);
  if (end < 0) end = url.length;
  const at = StringPrototypeIndexOf(url, '@', host);
  if (at >= 0 && at < end) host = at + 1;
  return StringPrototypeSlice(url, 0, scheme + 3) + StringPrototypeSlice(url, host, end);
}
