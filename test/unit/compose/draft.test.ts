import { describe, expect, it } from 'vitest';
import { convertDraft } from '../../../src/compose/convert-draft';
import { checkDraft } from '../../../src/compose/draft';
import type { Draft } from '../../../src/compose/draft';
import { draftFromMessage } from '../../../src/compose/draft-from-message';
import { layoutJson } from '../../../src/compose/json-layout';
import { MAX_TESTER_MESSAGE_BYTES } from '../../../src/protocol/inject-command';
import { ev } from '../event-builders';

describe('checking a draft as it is typed', () => {
  it('sends text and JSON as written, and bytes as hex, with their size in bytes', () => {
    expect(checkDraft({ format: 'text', body: 'héllo' })).toEqual({
      ok: true,
      message: { kind: 'text', data: 'héllo' },
      bytes: 6,
    });
    expect(checkDraft({ format: 'json', body: '{ "a": 1 }' })).toMatchObject({
      ok: true,
      message: { kind: 'text', data: '{ "a": 1 }' },
    });
    expect(checkDraft({ format: 'hex', body: 'CA FE' })).toMatchObject({
      message: { kind: 'binary', data: 'cafe' },
      bytes: 2,
    });
    expect(checkDraft({ format: 'base64', body: 'yv4=' })).toMatchObject({ message: { data: 'cafe' } });
  });

  it('says what is wrong, in words, and tells an empty draft from a wrong one', () => {
    expect(checkDraft({ format: 'json', body: '{"a": }' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not valid JSON: /),
      empty: false,
    });
    expect(checkDraft({ format: 'hex', body: 'zz' })).toMatchObject({
      error: 'Not valid hex: “z” at character 1 is not a hex digit (0-9, a-f).',
    });
    expect(checkDraft({ format: 'text', body: '' })).toMatchObject({ ok: false, empty: true });
    expect(checkDraft({ format: 'base64', body: ' \n' })).toMatchObject({ ok: false, empty: true });
  });

  it('refuses a message over the limit, text or binary', () => {
    expect(checkDraft({ format: 'text', body: 'x'.repeat(MAX_TESTER_MESSAGE_BYTES) }).ok).toBe(true);
    expect(checkDraft({ format: 'text', body: 'x'.repeat(MAX_TESTER_MESSAGE_BYTES + 1) })).toMatchObject({
      error: "Too large: 1.0 MiB; a tester's message may be at most 1.0 MiB.",
    });
    expect(checkDraft({ format: 'hex', body: '00'.repeat(MAX_TESTER_MESSAGE_BYTES + 1) }).ok).toBe(false);
  });
});

describe('changing a draft’s format', () => {
  const convert = (draft: Draft, format: Draft['format']) => convertDraft(draft, format);

  it('keeps the bytes: text to hex to base64 and back', () => {
    const hex = convert({ format: 'text', body: 'hé' }, 'hex');
    expect(hex).toEqual({ draft: { format: 'hex', body: '68 c3 a9' }, note: null });
    const base64 = convert(hex.draft, 'base64');
    expect(base64.draft).toEqual({ format: 'base64', body: 'aMOp' });
    expect(convert(base64.draft, 'text').draft).toEqual({ format: 'text', body: 'hé' });
    expect(convert({ format: 'text', body: '{"a":1}' }, 'json').draft).toEqual({
      format: 'json',
      body: '{"a":1}',
    });
  });

  it('keeps the body as typed, and says so, when the bytes cannot be carried over', () => {
    expect(convert({ format: 'hex', body: 'ff fe' }, 'text')).toEqual({
      draft: { format: 'text', body: 'ff fe' },
      note: 'The body was kept as typed: its bytes are not UTF-8 text.',
    });
    expect(convert({ format: 'hex', body: 'xyz' }, 'base64').note).toMatch(/not valid in its format/);
  });
});

describe('laying out JSON', () => {
  it('pretty and compact, every token as written: big numbers, duplicate keys and escapes stay', () => {
    const text = '{"id":12345678901234567890,"id":2, "s":"a\\"b, {c}: [d]","e":[],"o":{},"n":[1,[2]]}';
    const pretty = layoutJson(text, true);
    expect(pretty).toBe(
      [
        '{',
        '  "id": 12345678901234567890,',
        '  "id": 2,',
        '  "s": "a\\"b, {c}: [d]",',
        '  "e": [],',
        '  "o": {},',
        '  "n": [',
        '    1,',
        '    [',
        '      2',
        '    ]',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(layoutJson(pretty, false)).toBe(text.replace(', "s"', ',"s"'));
  });
});

describe('resending a logged message', () => {
  it('loads text, JSON and binary, and says when only a preview was kept', () => {
    expect(draftFromMessage(ev.message(1, 1, 'hello'))).toEqual({
      ok: true,
      draft: { format: 'text', body: 'hello' },
      note: null,
    });
    expect(draftFromMessage(ev.message(1, 1, '{"type":"ping"}'))).toMatchObject({
      draft: { format: 'json', body: '{"type":"ping"}' },
    });
    const binary = {
      ...ev.message(1, 1, 'cafe00'),
      kind: 'binary' as const,
      jsType: 'ArrayBuffer',
      size: 300,
      truncated: true,
    };
    expect(draftFromMessage(binary)).toEqual({
      ok: true,
      draft: { format: 'hex', body: 'ca fe 00' },
      note: 'Only its first 3 bytes were kept, so that is all the composer holds.',
    });
    expect(draftFromMessage({ ...ev.message(1, 1, '{"a":'), truncated: true })).toMatchObject({
      draft: { format: 'text' },
      note: expect.stringMatching(/^Only its first 5 characters were kept/),
    });
    expect(draftFromMessage({ ...binary, preview: null })).toEqual({
      ok: false,
      error: 'Its bytes were never read (a Blob): nothing to resend.',
    });
  });
});
