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
}

export const MAX_REMEMBERED_HANDSHAKES = 50;

const EMPTY: TabMemory = { abnormal: 0, handshakes: [] };
const key = (tabId: number) => `tab:${tabId}`;

/**
 * Per-tab state in session storage, which survives the worker being stopped. Updates of one
 * tab run one after another: two closes arriving together must both be counted.
 */
export class TabMemoryStore {
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly storage: SessionStorageLike) {}

  get(tabId: number): Promise<TabMemory> {
    return this.serial(tabId, () => this.read(tabId));
  }

  update(tabId: number, change: (memory: TabMemory) => TabMemory): Promise<TabMemory> {
    return this.serial(tabId, async () => {
      const next = change(await this.read(tabId));
      await this.storage.set({ [key(tabId)]: next });
      return next;
    });
  }

  forget(tabId: number): Promise<void> {
    return this.serial(tabId, () => this.storage.remove(key(tabId)));
  }

  private async read(tabId: number): Promise<TabMemory> {
    const stored = (await this.storage.get(key(tabId)))[key(tabId)] as TabMemory | undefined;
    return stored ?? EMPTY;
  }

  private serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(tabId) ?? Promise.resolve()).then(job, job);
    this.queues.set(tabId, run.catch(() => undefined));
    return run;
  }
}
