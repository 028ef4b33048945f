import { describe, expect, it } from 'vitest';
import { parseSavedFile, savedMessagesFile } from '../../../src/saved/saved-file';
import { withImported, withSaved, withoutSaved } from '../../../src/saved/saved-list';
import { MAX_SAVED_MESSAGES } from '../../../src/saved/saved-message';
import type { SavedMessage } from '../../../src/saved/saved-message';

const message = (i: number, body = `m${i}`): SavedMessage => ({
  id: `id${i}`,
  name: `name ${i}`,
  draft: { format: 'text', body },
  savedAt: 1_800_000_000_000 + i,
});
const full = Array.from({ length: MAX_SAVED_MESSAGES }, (_, i) => message(i));

describe('a list of saved messages', () => {
  it('keeps 1,000, and says plainly that the 1,001st does not fit', () => {
    const almost = full.slice(1);
    const saved = withSaved(almost, '  last  ', { format: 'json', body: '{}' }, { id: 'x', at: 5 });
    expect(saved).toMatchObject({ ok: true, done: 'Saved “last”.' });
    if (!saved.ok) return;
    expect(saved.list).toHaveLength(MAX_SAVED_MESSAGES);
    expect(saved.list.at(-1)).toEqual({
      id: 'x',
      name: 'last',
      draft: { format: 'json', body: '{}' },
      savedAt: 5,
    });
    expect(withSaved(saved.list, 'one more', { format: 'text', body: 'x' }, { id: 'y', at: 6 })).toEqual({
      ok: false,
      error: 'This list already holds 1,000 saved messages, the most it keeps: delete some to save another.',
    });
  });

  it('refuses a nameless message and one that could not be sent', () => {
    const made = { id: 'x', at: 1 };
    expect(withSaved([], ' ', { format: 'text', body: 'x' }, made)).toEqual({
      ok: false,
      error: 'Give the message a name.',
    });
    expect(withSaved([], 'n', { format: 'json', body: '{' }, made)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not valid JSON/),
    });
  });

  it('deletes by id', () => {
    expect(withoutSaved([message(1), message(2)], 'id1')).toMatchObject({
      ok: true,
      list: [message(2)],
      done: 'Deleted “name 1”.',
    });
    expect(withoutSaved([], 'id1').ok).toBe(false);
  });

  it('imports what it does not hold yet, up to the limit, and counts what stayed out', () => {
    const imported = [message(1), message(2), message(3), message(4, 'new'), message(5, 'new too')];
    const result = withImported(full.slice(0, 999), imported);
    expect(result).toEqual({
      ok: true,
      list: [...full.slice(0, 999), message(4, 'new')],
      done: 'Imported 1 of 5 messages; 3 were here already; 1 did not fit (a list keeps at most 1,000: delete some to make room).',
    });
  });
});

describe('the saved-messages file', () => {
  it('round-trips what was exported', () => {
    const list = [message(1), { ...message(2), draft: { format: 'hex' as const, body: 'ca fe' } }];
    const file = savedMessagesFile(list, new Date('2026-11-30T10:00:00Z'));
    expect(file.name).toBe('websocket-saved-messages-2026-11-30T10-00-00.json');
    expect(parseSavedFile(file.name, file.text)).toEqual({
      ok: true,
      entries: list.map((m) => ({
        name: m.name,
        format: m.draft.format,
        body: m.draft.body,
        savedAt: m.savedAt,
      })),
    });
  });

  it('refuses anything else in one sentence saying where and why', () => {
    const good = JSON.parse(savedMessagesFile([message(1)], new Date()).text) as Record<string, unknown>;
    const refuse = (text: string) => {
      const r = parseSavedFile('x.json', text);
      return r.ok ? 'accepted' : r.error;
    };
    expect(refuse('{')).toMatch(/^Cannot import “x\.json”: it is not JSON \(/);
    expect(refuse('{"format":"websocket-close-log","version":1}')).toBe(
      'Cannot import “x.json”: it is not a saved-messages file (no "format": "websocket-saved-messages").',
    );
    expect(refuse(JSON.stringify({ ...good, version: 2 }))).toBe(
      'Cannot import “x.json”: it is a saved-messages file of version 2; this extension reads version 1.',
    );
    expect(
      refuse(JSON.stringify({ ...good, messages: [{ name: 'a', format: 'morse', body: '', savedAt: 1 }] })),
    ).toMatch(/^Cannot import “x\.json”: it is not a valid saved-messages file at messages\.0\.format: /);
    expect(
      refuse(JSON.stringify({ ...good, messages: [{ name: 'bad', format: 'json', body: '{', savedAt: 1 }] })),
    ).toMatch(/^Cannot import “x\.json”: message 1 \(“bad”\) cannot be sent: Not valid JSON: .*[^.]\.$/);
  });
});
