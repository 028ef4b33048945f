/**
 * The part of `runtime.Port` the pure code uses, so the relay, router and panel link run in
 * vitest against in-memory ports and in the extension against real ones.
 */
export interface PortLike<Out> {
  postMessage(message: Out): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}
