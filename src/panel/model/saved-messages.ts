import { computed, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import * as v from 'valibot';
import type { Draft } from '../../compose/draft';
import type { ExportedFile } from '../../export/export-file';
import { text } from '../../protocol/recorder-events';
import { savedMessagesFile, parseSavedFile } from '../../saved/saved-file';
import { withImported, withSaved, withoutSaved } from '../../saved/saved-list';
import type { ListChange } from '../../saved/saved-list';
import { SavedEntry, fromEntry, toEntry } from '../../saved/saved-message';
import type { SavedMessage } from '../../saved/saved-message';

/**
 * The extension's `storage.local` as far as saved messages need it. src/ calls no extension API:
 * the panel page hands this in, as it hands in the link to the background.
 */
export interface ExtensionStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Calls back with the keys another extension page (another DevTools window) changed. */
  onChanged(listener: (keys: readonly string[]) => void): void;
}

/** Saved for the inspected page's origin only, or for every site. */
export type SavedScope = 'site' | 'global';

export interface SavedMessagesDeps {
  storage: ExtensionStorage;
  /** The inspected tab's top document: its origin names the site's list. */
  pageUrl: ReadonlySignal<string | null>;
  now(): number;
}

const GLOBAL_KEY = 'saved-messages:global';
const siteKey = (origin: string) => `saved-messages:site:${origin}`;
const STORED_VERSION = 1;
const StoredEntry = v.object({ ...SavedEntry.entries, id: text(64) });
const StoredList = v.object({ messages: v.array(v.unknown()) });

/**
 * The saved messages of the inspected site and of all sites: read from storage when the site
 * changes, written through on every change, one change at a time (each reads what is stored
 * first, so two DevTools windows do not undo each other's work), and read again when another
 * window changed them.
 */
export class SavedMessagesModel {
  readonly site = signal<readonly SavedMessage[]>([]);
  readonly global = signal<readonly SavedMessage[]>([]);
  readonly loaded = signal(false);
  /** What the last change did, or why it failed: shown beside the list. */
  readonly status = signal<{ ok: boolean; text: string } | null>(null);
  /** The inspected page's origin; null while unknown, or for a page without one (file:, data:). */
  readonly origin: ReadonlySignal<string | null>;
  /** The list shown and saved into; 'global' when there is no site to save for. */
  readonly scope: ReadonlySignal<SavedScope>;
  readonly shown: ReadonlySignal<readonly SavedMessage[]>;
  /** What the user last picked or saved into; null until then. */
  private readonly chosen = signal<SavedScope | null>(null);
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SavedMessagesDeps) {
    this.origin = computed(() => originOf(deps.pageUrl.value));
    this.scope = computed(() => {
      if (this.origin.value === null) return 'global';
      // Until the user picks, the list that has something: a new panel shows what was saved.
      const chosen = this.chosen.value;
      if (chosen !== null) return chosen;
      return this.site.value.length === 0 && this.global.value.length > 0 ? 'global' : 'site';
    });
    this.shown = computed(() => (this.scope.value === 'site' ? this.site.value : this.global.value));
    effect(() => {
      void this.load(this.origin.value);
    });
    deps.storage.onChanged((keys) => {
      const origin = this.origin.peek();
      if (keys.includes(GLOBAL_KEY) || (origin !== null && keys.includes(siteKey(origin))))
        void this.load(origin);
    });
  }

  setScope(scope: SavedScope): void {
    this.chosen.value = scope;
    this.status.value = null;
  }

  /** Saves into the list of `scope`, which is then the one shown: the user sees what they saved. */
  async save(name: string, draft: Draft, scope: SavedScope = this.scope.value): Promise<void> {
    await this.change(scope, (list) =>
      withSaved(list, name, draft, { id: crypto.randomUUID(), at: this.deps.now() }),
    );
    if (this.status.value?.ok) this.chosen.value = scope;
  }

  remove(id: string): Promise<void> {
    return this.change(this.scope.value, (list) => withoutSaved(list, id));
  }

  /** The shown list as a saved-messages file. */
  exportFile(at: Date): ExportedFile {
    return savedMessagesFile(this.shown.value, at);
  }

  /** Adds a file's messages to the shown list; a bad file changes nothing and says why. */
  importFile(name: string, text: string): Promise<void> {
    const parsed = parseSavedFile(name, text);
    if (!parsed.ok) {
      this.status.value = { ok: false, text: parsed.error };
      return Promise.resolve();
    }
    const imported = parsed.entries.map((e) => fromEntry(e, crypto.randomUUID()));
    return this.change(this.scope.value, (list) => withImported(list, imported));
  }

  private load(origin: string | null): Promise<void> {
    return this.serial(async () => {
      try {
        const [site, global] = await Promise.all([
          origin === null ? [] : this.read(siteKey(origin)),
          this.read(GLOBAL_KEY),
        ]);
        if (origin !== this.origin.peek()) return;
        this.site.value = site;
        this.global.value = global;
        this.loaded.value = true;
      } catch (e) {
        this.status.value = { ok: false, text: `Saved messages could not be read (${reason(e)}).` };
      }
    });
  }

  private change(scope: SavedScope, change: (list: readonly SavedMessage[]) => ListChange): Promise<void> {
    const origin = this.origin.peek();
    if (scope === 'site' && origin === null) {
      this.status.value = { ok: false, text: 'This page has no site to save for: choose “All sites”.' };
      return Promise.resolve();
    }
    const key = scope === 'site' && origin !== null ? siteKey(origin) : GLOBAL_KEY;
    return this.serial(async () => {
      try {
        // What is stored, not what this window last saw: another window may have changed it.
        const result = change(await this.read(key));
        if (!result.ok) {
          this.status.value = { ok: false, text: result.error };
          return;
        }
        await this.deps.storage.set(key, {
          version: STORED_VERSION,
          messages: result.list.map((m) => ({ ...toEntry(m), id: m.id })),
        });
        if (key === GLOBAL_KEY) this.global.value = result.list;
        else if (origin === this.origin.peek()) this.site.value = result.list;
        this.status.value = { ok: true, text: result.done };
      } catch (e) {
        this.status.value = {
          ok: false,
          text: `Nothing was changed: the browser’s storage said “${reason(e)}”.`,
        };
      }
    });
  }

  /** A stored list, each entry checked: one that fails is left out rather than trusted. */
  private async read(key: string): Promise<readonly SavedMessage[]> {
    const list = v.safeParse(StoredList, await this.deps.storage.get(key));
    return (list.success ? list.output.messages : []).flatMap((m) => {
      const entry = v.safeParse(StoredEntry, m);
      return entry.success ? [fromEntry(entry.output, entry.output.id)] : [];
    });
  }

  private serial(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A page URL's origin; null for none, or an opaque one (file:, data:, about:blank). */
export function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
