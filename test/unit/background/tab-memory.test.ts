import { describe, expect, it, vi } from 'vitest';
import { TabMemoryStore } from '../../../src/background/tab-memory';
import { MemorySessionStorage } from '../memory-session-storage';

describe('TabMemoryStore', () => {
  it('applies concurrent updates of a tab one after another, none lost', async () => {
    const memory = new TabMemoryStore(new MemorySessionStorage());
    await Promise.all(
      Array.from({ length: 20 }, () => memory.update(1, (t) => ({ ...t, abnormal: t.abnormal + 1 }))),
    );
    expect((await memory.get(1)).abnormal).toBe(20);
    expect((await memory.get(2)).abnormal).toBe(0);
  });

  it('forgets a closed tab', async () => {
    const storage = new MemorySessionStorage();
    const memory = new TabMemoryStore(storage);
    await memory.update(1, (t) => ({ ...t, abnormal: 3 }));
    await memory.forget(1);
    expect(storage.data.size).toBe(0);
  });

  it('reads storage once per tab, and writes only a change', async () => {
    const storage = new MemorySessionStorage();
    await storage.set({ 'tab:1': { abnormal: 2, handshakes: [] } });
    const get = vi.spyOn(storage, 'get');
    const set = vi.spyOn(storage, 'set');
    const memory = new TabMemoryStore(storage);
    expect((await memory.update(1, (t) => t)).abnormal).toBe(2);
    expect(set).not.toHaveBeenCalled();
    await memory.update(1, (t) => ({ ...t, abnormal: t.abnormal + 1 }));
    expect((await memory.get(1)).abnormal).toBe(3);
    expect(get).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledTimes(1);
    // What a restarted worker reads.
    expect((await new TabMemoryStore(storage).get(1)).abnormal).toBe(3);
  });
});
