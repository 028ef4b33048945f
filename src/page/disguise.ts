import {
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  WeakMapCtor,
  WeakMapPrototypeGet,
  WeakMapPrototypeSet,
} from '../primordials/primordials';
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
  private readonly originals = new WeakMapCtor<object, object>();

  /**
   * @param ownScript the URL of the script this runs in: exceptions thrown through a wrapper lose
   *   the frames that name it, as they would have none from the native.
   */
  constructor(
    private readonly natives: Natives,
    private readonly ownScript: string | null = null,
  ) {
    const proto = natives.FunctionPrototype;
    const toString = natives.FunctionPrototypeToString;
    const originals = this.originals;
    const wrapped = this.wrap(toString, {
      apply(target, self: unknown, args: unknown[]) {
        const original = typeof self === 'function' ? WeakMapPrototypeGet(originals, self) : undefined;
        return ReflectApply(target, original ?? self, args);
      },
    });
    this.replace(proto, 'toString', wrapped);
  }

  /** A Proxy of `target` with `handler`, registered so toString shows the native. */
  wrap<T extends object>(target: T, handler: ProxyHandler<T>): T {
    const proxy = new this.natives.Proxy(target, this.hidingFrames(handler));
    WeakMapPrototypeSet(this.originals, proxy, target);
    return proxy;
  }

  private hidingFrames<T extends object>(handler: ProxyHandler<T>): ProxyHandler<T> {
    const script = this.ownScript;
    if (script === null) return handler;
    const { apply, construct } = handler;
    const hidden = (e: unknown): unknown => {
      hideOwnFrames(e, script);
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
    const desc = ObjectGetOwnPropertyDescriptor(owner, key);
    if (!desc) return;
    ObjectDefineProperty(owner, key, { ...desc, value });
  }
}
