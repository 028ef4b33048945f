import { describe, expect, it } from 'vitest';
import { heartbeatOrdinals, looksLikeHeartbeat } from '../../../src/log/heartbeats';
import {
  NO_MESSAGE_FILTER,
  extraFiltersSet,
  filterMessages,
  isMessageFilterActive,
  parsePattern,
  parseSizeRange,
} from '../../../src/log/message-filter';
import { PreviewLog } from '../../../src/log/preview-log';
import type { MessageRecord } from '../../../src/log/socket-record';
import { ev } from '../event-builders';

/** A message at time `t` (ms), text unless a hex preview is given as binary. */
function msg(seq: number, preview: string, options: Partial<MessageRecord> = {}): MessageRecord {
  return { ...ev.message(1, seq, preview), t: seq * 10, ...options };
}

const log = (...messages: MessageRecord[]) => PreviewLog.of(messages);
const shown = (l: PreviewLog, ordinals: readonly number[]) => ordinals.map((o) => l.atOrdinal(o)?.preview);

describe('heartbeats', () => {
  it('recognises messages that say they are a ping or a pong', () => {
    for (const text of ['2', '3', '2probe', 'ping', 'PONG', '{"type":"ping"}', '{"event":"pusher:ping"}'])
      expect(looksLikeHeartbeat(msg(1, text)), text).toBe(true);
    expect(looksLikeHeartbeat(msg(1, '{"op":"heartbeat_ack","d":null}'))).toBe(true);
    expect(looksLikeHeartbeat(msg(1, '{"ping":1700000000}'))).toBe(true);
    for (const text of [
      '42["chat","ping"]',
      '{"type":"message","text":"ping"}',
      '23',
      'pinged',
      '{"type":"typing"}',
    ])
      expect(looksLikeHeartbeat(msg(1, text)), text).toBe(false);
    expect(looksLikeHeartbeat(msg(1, '{"type":"ping"}', { size: 10_000 }))).toBe(false);
    expect(looksLikeHeartbeat(msg(1, '32', { kind: 'binary' }))).toBe(false);
  });

  it('recognises identical small messages at a steady interval, whatever they say', () => {
    const steady = [1, 2, 3, 4].map((i) => msg(i, 'hb!', { t: i * 30_000 + (i % 2) * 400 }));
    const irregular = [0, 1_000, 30_000, 31_000].map((t, i) => msg(11 + i, 'ok', { t }));
    const fast = [1, 2, 3, 4].map((i) => msg(20 + i, 'tick', { t: i * 100 }));
    const l = log(...steady, ...irregular, ...fast);
    expect([...heartbeatOrdinals(l)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    // Three are not yet a rhythm.
    expect(heartbeatOrdinals(log(...steady.slice(0, 3))).size).toBe(0);
  });
});

describe('message filters', () => {
  const l = log(
    msg(1, '{"type":"ping"}'),
    msg(2, 'hello world', { dir: 'sent' }),
    msg(3, 'cafe', { kind: 'binary', jsType: 'ArrayBuffer', size: 2 }),
    msg(4, '{"type":"pong"}', { dir: 'sent' }),
    msg(5, 'Order 42 filled', { size: 900 }),
  );

  it('read text, /regex/flags and size ranges, and say what is wrong with a bad one', () => {
    expect(parsePattern('/^order \\d+/i')).toMatchObject({ ok: true });
    expect(parsePattern('/(/')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^\/\(\/ is no regular/),
    });
    expect(parseSizeRange('10-500')).toEqual({ ok: true, value: { min: 10, max: 500 } });
    expect(parseSizeRange('100-')).toEqual({ ok: true, value: { min: 100, max: Infinity } });
    expect(parseSizeRange('-64')).toEqual({ ok: true, value: { min: 0, max: 64 } });
    expect(parseSizeRange('12')).toEqual({ ok: true, value: { min: 12, max: 12 } });
    expect(parseSizeRange('9-3')).toEqual({ ok: false, error: '"9-3" runs backwards' });
    expect(parseSizeRange('big')).toMatchObject({ ok: false });
  });

  it('filter by text or regex (inverted too), direction, kind and size, and count what each hides', () => {
    const run = (f: Partial<typeof NO_MESSAGE_FILTER>, rules: string[] = [], search = '') =>
      filterMessages(l, { ...NO_MESSAGE_FILTER, ...f }, rules, search);
    expect(shown(l, run({ text: '/^order \\d+/i' }).ordinals)).toEqual(['Order 42 filled']);
    expect(shown(l, run({ text: 'ping', invert: true }).ordinals)).toHaveLength(4);
    expect(shown(l, run({ dir: 'sent' }).ordinals)).toEqual(['hello world', '{"type":"pong"}']);
    expect(shown(l, run({ kind: 'binary' }).ordinals)).toEqual(['cafe']);
    expect(shown(l, run({ size: '100-' }).ordinals)).toEqual(['Order 42 filled']);
    const quiet = run({ hideHeartbeats: true }, ['/^hello/'], 'o');
    expect(shown(l, quiet.ordinals)).toEqual(['Order 42 filled']);
    expect(quiet.hidden).toEqual({ heartbeats: 2, rules: 1, filters: 1 });
    expect(run({ text: '/(/' })).toMatchObject({ ordinals: [0, 1, 2, 3, 4], errors: [expect.any(String)] });
  });

  it('are active only when something is set', () => {
    expect(isMessageFilterActive(NO_MESSAGE_FILTER, [])).toBe(false);
    expect(isMessageFilterActive(NO_MESSAGE_FILTER, ['ping'])).toBe(true);
    expect(isMessageFilterActive({ ...NO_MESSAGE_FILTER, hideHeartbeats: true }, [])).toBe(true);
  });
});

describe('extraFiltersSet', () => {
  it('counts the filters a short panel folds away, each hide rule among them, not the text search', () => {
    expect(extraFiltersSet(NO_MESSAGE_FILTER, [])).toBe(0);
    expect(extraFiltersSet({ ...NO_MESSAGE_FILTER, text: 'x', invert: true }, [])).toBe(0);
    expect(extraFiltersSet({ ...NO_MESSAGE_FILTER, size: '  ' }, [])).toBe(0);
    expect(
      extraFiltersSet(
        { ...NO_MESSAGE_FILTER, dir: 'sent', kind: 'binary', size: '10-', hideHeartbeats: true },
        ['ping', '/^pong$/'],
      ),
    ).toBe(6);
  });
});
