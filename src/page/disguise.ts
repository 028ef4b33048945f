import type { Natives } from './natives';
import { hideOwnFrames } from './own-frames';

/**
 * Makes wrapped functions indistinguishable from the natives they wrap: each wrapper is a Proxy
 * (so `name`, `length`, `prototype` and property descriptors are the native's own), and
 * `Function.prototype.toString` reports the native source, "function WebSocket() { [native code] }",
 * for the wrappers and for itself.
 */
/** What a construct trap receives as `new.target`. */
type NewTarget<T extends object> = Parameters<NonNullable<ProxyHandler<T>['construct']>>[2];

export class Disguise {
  private readonly originals = new WeakMap<object, object>();

  /**
   * @param ownScript the URL of the script this runs in: exceptions thrown through a wrapper lose
   *   the frames that name it, as they would have none from the native.
   */
  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly natives: Natives,
    private readonly ownScript: string | null = null,
  ) {
    const proto = win.Function.prototype;
    const toString = proto.toString;
    const originals = this.originals;
    const apply = natives.apply;
    const wrapped = this.wrap(toString, {
      apply(target, self, args) {
        return apply(target, originals.get(self as object) ?? self, args);
      },
    });
    this.replace(proto, 'toString', wrapped);
  }

  /** A Proxy of `target` with `handler`, registered so toString shows the native. */
  wrap<T extends object>(target: T, handler: ProxyHandler<T>): T {
    const proxy = new this.win.Proxy(target, this.hidingFrames(handler));
    this.originals.set(proxy, target);
    return proxy;
  }

  private hidingFrames<T extends object>(handler: ProxyHandler<T>): ProxyHandler<T> {
    const script = this.ownScript;
    if (script === null) return handler;
    const { natives } = this;
    const { apply, construct } = handler;
    const hidden = (e: unknown): unknown => {
      hideOwnFrames(e, script, natives);
      return e;
    };
    return {
      ...handler,
      ...(apply && {
        apply(target: T, self: unknown, args: unknown[]) {
          try {
            return apply(target, self, args) as unknown;
          } catch (e) {
            throw hidden(e);
          }
        },
      }),
      ...(construct && {
        construct(target: T, args: unknown[], newTarget: NewTarget<T>) {
          try {
            return construct(target, args, newTarget);
          } catch (e) {
            throw hidden(e);
          }
        },
      }),
    };
  }

  /** Swaps a property's value, keeping its attributes (writable, enumerable, configurable). */
  replace(owner: object, key: string, value: unknown): void {
    const desc = this.natives.getOwnPropertyDescriptor(owner, key);
    if (!desc) return;
    this.natives.defineProperty(owner, key, { ...desc, value });
  }
}
