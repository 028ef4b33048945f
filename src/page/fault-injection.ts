import type { InjectCommand } from '../protocol/inject-command';
import { closeArgsError } from '../protocol/inject-command';
import type { UnsequencedEvent } from '../protocol/recorder-events';
import {
  WeakMapCtor,
  WeakMapPrototypeGet,
  WeakMapPrototypeHas,
  WeakMapPrototypeSet,
  WeakSetCtor,
  WeakSetPrototypeAdd,
  WeakSetPrototypeHas,
} from '../primordials/primordials';
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
  private readonly injected = new WeakSetCtor<WebSocket>();
  private readonly drops = new WeakMapCtor<WebSocket, { delivered: boolean }>();
  private readonly synthetic = new WeakSetCtor<Event>();

  constructor(
    private readonly natives: Natives,
    private readonly emit: (e: Exclude<UnsequencedEvent, { type: 'message' }>) => void,
  ) {}

  inject(
    ws: WebSocket,
    socket: number,
    c: Pick<InjectCommand, 'code' | 'reason'> & { action: 'close' | 'drop' },
  ): void {
    if (this.natives.wsReadyState(ws) !== OPEN || WeakSetPrototypeHas(this.injected, ws)) return;
    if (c.action === 'close' && (c.code === null || c.reason === null || closeArgsError(c.code, c.reason)))
      return;
    WeakSetPrototypeAdd(this.injected, ws);
    // Recorded before the close itself, so every view knows the close that follows is the tester's.
    this.emit({
      type: 'injected',
      socket,
      t: this.natives.now(),
      action: c.action,
      code: c.code,
      reason: c.reason,
    });
    if (c.action === 'close') {
      if (c.code !== null && c.reason !== null) this.natives.wsClose(ws, c.code, c.reason);
      return;
    }
    WeakMapPrototypeSet(this.drops, ws, { delivered: false });
    this.natives.wsClose(ws);
    this.natives.setTimeout(() => this.deliverDrop(ws), DROP_FALLBACK_MS);
  }

  wasInjected(ws: WebSocket): boolean {
    return WeakSetPrototypeHas(this.injected, ws);
  }

  /** The 1006 close event this injector dispatched for a simulated drop: recorded as the close. */
  isSimulatedDrop(e: Event): boolean {
    return WeakSetPrototypeHas(this.synthetic, e);
  }

  /**
   * Called first for the browser's own close event of every socket. True for a dropped socket's,
   * which must not reach the page: it is stopped and the 1006 dispatched instead.
   */
  swallow(ws: WebSocket, e: Event): boolean {
    if (!WeakMapPrototypeHas(this.drops, ws)) return false;
    this.natives.stopImmediatePropagation(e);
    this.deliverDrop(ws);
    return true;
  }

  private deliverDrop(ws: WebSocket): void {
    try {
      const drop = WeakMapPrototypeGet(this.drops, ws);
      if (!drop || drop.delivered) return;
      drop.delivered = true;
      const e = this.natives.closeEvent(1006, '', false);
      WeakSetPrototypeAdd(this.synthetic, e);
      this.natives.dispatchOn(ws, e);
    } catch {
      // From a timer too: nothing may reach the page's error handlers.
    }
  }
}
