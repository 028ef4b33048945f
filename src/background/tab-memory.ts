import type { HandshakeReport } from '../protocol/handshake';

/** `storage.session` as far as the background needs it. */
export interface SessionStorageLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What must outlive the MV3 service worker, per tab. */
export interface TabMemory {
  /** Abnormal closes since the tab's last navigation (or the panel's Clear): the badge. */
  abnormal: number;
  /** Recent handshake failures, for a panel opened after them. */
  handshakes: HandshakeReport[];
  /** The tab's top document, as its relay announced it: whose site the panel's saved messages are. */
  url: string | null;
}

export const MAX_REMEMBERED_HANDSHAKES = 50;

const EMPTY: TabMemory = { abnormal: 0, handshakes: [], url: null };
const key = (tabId: number) => `tab:${tabId}`;

/**
 * Per-tab state in session storage, which survives the worker being stopped. Updates of one
 * tab run one after another: two closes arriving together must both be counted. The worker is
 * the only writer, so what it read or wrote once is kept: storage is read once per tab and
 * worker life, and written only when a value changes.
 */
export class TabMemoryStore {
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly known = new Map<number, TabMemory>();

  constructor(private readonly storage: SessionStorageLike) {}

  get(tabId: number): Promise<TabMemory> {
    return this.serial(tabId, () => this.read(tabId));
  }

  update(tabId: number, change: (memory: TabMemory) => TabMemory): Promise<TabMemory> {
    return this.serial(tabId, async () => {
      const current = await this.read(tabId);
      const next = change(current);
      if (next === current) return current;
      this.known.set(tabId, next);
      await this.storage.set({ [key(tabId)]: next });
      return next;
    });
  }

  forget(tabId: number): Promise<void> {
    return this.serial(tabId, async () => {
      this.known.delete(tabId);
      await this.storage.remove(key(tabId));
    });
  }

  private async read(tabId: number): Promise<TabMemory> {
    const held = this.known.get(tabId);
    if (held) return held;
    // Written by an earlier version of the worker, it may lack newer fields.
    const stored = {
      ...EMPTY,
      ...((await this.storage.get(key(tabId)))[key(tabId)] as TabMemory | undefined),
    };
    this.known.set(tabId, stored);
    return stored;
  }

  private serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(tabId) ?? Promise.resolve()).then(job, job);
    this.queues.set(
      tabId,
      run.catch(() => undefined),
    );
    return run;
  }
}
