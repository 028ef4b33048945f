import type { InjectCommand } from '../protocol/inject-command';
import { closeArgsError } from '../protocol/inject-command';
import type { UnsequencedEvent } from '../protocol/recorder-events';
import { OPEN } from './natives';
import type { Natives } from './natives';

/**
 * A dropped socket's page sees its close event when the browser's own arrives (the server
 * answered the closing handshake), or after this long if the server never answers: Chromium
 * itself would wait about 60 s.
 */
export const DROP_FALLBACK_MS = 2000;

/**
 * The tester's fault controls, applied in the page. 'close' calls the native close(code, reason)
 * as if the page had. 'drop' tears the real connection down with the native close() and shows the
 * page's handlers an abnormal close instead of the clean one: the recorder's close listener, which
 * runs before any of the page's, stops the browser's close event and dispatches a CloseEvent 1006,
 * wasClean false, in its place. The page can tell only by `isTrusted`, which is false.
 */
export class FaultInjector {
  private readonly injected = new WeakSet<WebSocket>();
  private readonly drops = new WeakMap<WebSocket, { delivered: boolean }>();
  private readonly synthetic = new WeakSet<Event>();

  constructor(
    private readonly natives: Natives,
    private readonly record: (build: () => UnsequencedEvent) => void,
  ) {}

  inject(ws: WebSocket, socket: number, c: InjectCommand): void {
    if (this.natives.get.wsReadyState(ws) !== OPEN || this.injected.has(ws)) return;
    if (c.action === 'close' && (c.code === null || c.reason === null || closeArgsError(c.code, c.reason)))
      return;
    this.injected.add(ws);
    // Recorded before the close itself, so every view knows the close that follows is the tester's.
    this.record(() => ({
      type: 'injected',
      socket,
      t: this.natives.now(),
      action: c.action,
      code: c.code,
      reason: c.reason,
    }));
    if (c.action === 'close') {
      if (c.code !== null && c.reason !== null) this.natives.wsClose(ws, c.code, c.reason);
      return;
    }
    this.drops.set(ws, { delivered: false });
    this.natives.wsClose(ws);
    this.natives.setTimeout(() => this.deliverDrop(ws), DROP_FALLBACK_MS);
  }

  wasInjected(ws: WebSocket): boolean {
    return this.injected.has(ws);
  }

  /**
   * Called first for every close event of a socket. True for the browser's own close event of a
   * dropped socket, which must not reach the page: it is stopped and the 1006 dispatched instead.
   */
  swallow(ws: WebSocket, e: Event): boolean {
    if (!this.drops.has(ws) || this.synthetic.has(e)) return false;
    this.natives.stopImmediatePropagation(e);
    this.deliverDrop(ws);
    return true;
  }

  private deliverDrop(ws: WebSocket): void {
    const drop = this.drops.get(ws);
    if (!drop || drop.delivered) return;
    drop.delivered = true;
    const e = this.natives.closeEvent(1006, '', false);
    this.synthetic.add(e);
    this.natives.dispatchOn(ws, e);
  }
}
