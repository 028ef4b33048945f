import { checkDraft } from '../compose/draft';
import type { Draft } from '../compose/draft';
import { MAX_SAVED_MESSAGES, MAX_SAVED_NAME_CHARS } from './saved-message';
import type { SavedMessage } from './saved-message';

export type ListChange =
  { ok: true; list: readonly SavedMessage[]; done: string } | { ok: false; error: string };

const n = (count: number) => count.toLocaleString('en-US');

/** The list with one more message, newest last; refused when full, unnamed or not sendable. */
export function withSaved(
  list: readonly SavedMessage[],
  name: string,
  draft: Draft,
  made: { id: string; at: number },
): ListChange {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, error: 'Give the message a name.' };
  if (trimmed.length > MAX_SAVED_NAME_CHARS)
    return { ok: false, error: `A name may be at most ${MAX_SAVED_NAME_CHARS} characters.` };
  const check = checkDraft(draft);
  if (!check.ok) return { ok: false, error: check.error };
  if (list.length >= MAX_SAVED_MESSAGES)
    return {
      ok: false,
      error: `This list already holds ${n(MAX_SAVED_MESSAGES)} saved messages, the most it keeps: delete some to save another.`,
    };
  return {
    ok: true,
    list: [...list, { id: made.id, name: trimmed, draft, savedAt: made.at }],
    done: `Saved “${trimmed}”.`,
  };
}

export function withoutSaved(list: readonly SavedMessage[], id: string): ListChange {
  const gone = list.find((m) => m.id === id);
  if (!gone) return { ok: false, error: 'That message was deleted already.' };
  return { ok: true, list: list.filter((m) => m !== gone), done: `Deleted “${gone.name}”.` };
}

/**
 * The list with imported messages added after it, skipping those it holds already (same name,
 * format and body) and those beyond the limit; `done` says how many of each.
 */
export function withImported(list: readonly SavedMessage[], imported: readonly SavedMessage[]): ListChange {
  const key = (m: SavedMessage) => JSON.stringify([m.name, m.draft.format, m.draft.body]);
  const held = new Set(list.map(key));
  const fresh = imported.filter((m) => {
    const k = key(m);
    if (held.has(k)) return false;
    held.add(k);
    return true;
  });
  const room = Math.max(0, MAX_SAVED_MESSAGES - list.length);
  const added = fresh.slice(0, room);
  const parts = [`Imported ${n(added.length)} of ${n(imported.length)} messages`];
  if (imported.length > fresh.length) parts.push(`${n(imported.length - fresh.length)} were here already`);
  if (fresh.length > room)
    parts.push(
      `${n(fresh.length - room)} did not fit (a list keeps at most ${n(MAX_SAVED_MESSAGES)}: delete some to make room)`,
    );
  return { ok: true, list: [...list, ...added], done: `${parts.join('; ')}.` };
}
