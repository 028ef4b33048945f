import type { Natives } from './natives';

/**
 * Makes wrapped functions indistinguishable from the natives they wrap: each wrapper is a Proxy
 * (so `name`, `length`, `prototype` and property descriptors are the native's own), and
 * `Function.prototype.toString` reports the native source, "function WebSocket() { [native code] }",
 * for the wrappers and for itself.
 */
export class Disguise {
  private readonly originals = new WeakMap<object, object>();

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly natives: Natives,
  ) {
    const proto = win.Function.prototype;
    const toString = proto.toString;
    const originals = this.originals;
    const apply = natives.apply;
    const wrapped = new win.Proxy(toString, {
      apply(target, self, args) {
        return apply(target, originals.get(self as object) ?? self, args);
      },
    });
    this.originals.set(wrapped, toString);
    this.replace(proto, 'toString', wrapped);
  }

  /** A Proxy of `target` with `handler`, registered so toString shows the native. */
  wrap<T extends object>(target: T, handler: ProxyHandler<T>): T {
    const proxy = new this.win.Proxy(target, handler);
    this.originals.set(proxy, target);
    return proxy;
  }

  /** Swaps a property's value, keeping its attributes (writable, enumerable, configurable). */
  replace(owner: object, key: string, value: unknown): void {
    const desc = this.natives.getOwnPropertyDescriptor(owner, key);
    if (!desc) return;
    this.natives.defineProperty(owner, key, { ...desc, value });
  }
}
