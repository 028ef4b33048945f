import type { SessionStorageLike } from '../../src/background/tab-memory';

/** storage.session in memory, with JSON round trips like the real one. */
export class MemorySessionStorage implements SessionStorageLike {
  readonly data = new Map<string, string>();
  async get(key: string) {
    const v = this.data.get(key);
    return v === undefined ? {} : { [key]: JSON.parse(v) as unknown };
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }
  async remove(key: string) {
    this.data.delete(key);
  }
}
