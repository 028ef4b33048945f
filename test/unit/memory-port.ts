import type { PortLike } from '../../src/transport/port-like';

/** An in-memory runtime.Port: records what is posted, lets a test deliver and disconnect. */
export class MemoryPort<Out> implements PortLike<Out> {
  readonly posted: Out[] = [];
  private readonly messageFns: ((m: unknown) => void)[] = [];
  private readonly disconnectFns: (() => void)[] = [];
  connected = true;

  postMessage(message: Out): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  onMessage = { addListener: (fn: (m: unknown) => void) => void this.messageFns.push(fn) };
  onDisconnect = { addListener: (fn: () => void) => void this.disconnectFns.push(fn) };

  deliver(message: unknown): void {
    for (const fn of this.messageFns) fn(message);
  }
  disconnect(): void {
    this.connected = false;
    for (const fn of this.disconnectFns) fn();
  }
}
