import type { ExtensionStorage } from '../../src/panel/model/saved-messages';

/**
 * `storage.local` in memory: values are copied in and out as the browser's structured clone
 * would, another window's writes can be simulated, and writes can be made to fail.
 */
export class MemoryExtensionStorage implements ExtensionStorage {
  readonly data = new Map<string, unknown>();
  private readonly listeners: ((keys: readonly string[]) => void)[] = [];
  /** When set, every write fails with this message (a full quota, say). */
  failWrites: string | null = null;

  get(key: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.data.get(key)));
  }

  set(key: string, value: unknown): Promise<void> {
    if (this.failWrites !== null) return Promise.reject(new Error(this.failWrites));
    this.data.set(key, structuredClone(value));
    return Promise.resolve();
  }

  onChanged(listener: (keys: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Another DevTools window stores `value` under `key`. */
  setElsewhere(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
    for (const l of this.listeners) l([key]);
  }
}
