import { describe, expect, it } from 'vitest';
import { matchingOrdinals, NO_FILTER, parseCodes, socketMatches } from '../../../src/log/socket-filter';
import { LogStore } from '../../../src/log/log-store';
import { explainSocket } from '../../../src/log/socket-view';
import { batch, ev } from '../event-builders';

describe('parseCodes', () => {
  it('accepts codes and ranges separated by commas', () => {
    const r = parseCodes(' 1006, 4000-4999 ');
    expect(r.ok && r.match && [1006, 4000, 4999, 1000, 5000].map(r.match)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(parseCodes('')).toEqual({ ok: true, match: null });
  });

  it('explains what it cannot read', () => {
    expect(parseCodes('10x6')).toEqual({
      ok: false,
      error: '"10x6" is not a code or a range like 4000-4999',
    });
    expect(parseCodes('4999-4000')).toEqual({ ok: false, error: '"4999-4000" runs backwards' });
  });
});

describe('socketMatches and matchingOrdinals', () => {
  const store = new LogStore();
  store.applyBatch(
    batch('d', [
      ev.created(1, 1, 'ws://chat.test/room'),
      ev.open(1, 2),
      ev.message(1, 3, 'Hello World'),
      ev.message(1, 4, 'bye'),
      ev.closed(1, 5, 1006, false),
      ev.created(2, 6, 'ws://feed.test/'),
      ev.open(2, 7),
    ]),
    0,
  );
  const [chat, feed] = [store.sockets.get('d:1')!, store.sockets.get('d:2')!];
  const matches = (s: typeof chat, filter: Partial<typeof NO_FILTER>) => {
    const f = { ...NO_FILTER, ...filter };
    const codes = parseCodes(f.codes);
    return socketMatches(s, explainSocket(s), f, codes.ok ? codes.match : null);
  };

  it('filters by URL text, state, code and abnormality', () => {
    expect([chat, feed].map((s) => matches(s, { url: 'CHAT' }))).toEqual([true, false]);
    expect([chat, feed].map((s) => matches(s, { state: 'open' }))).toEqual([false, true]);
    expect([chat, feed].map((s) => matches(s, { codes: '1006' }))).toEqual([true, false]);
    expect([chat, feed].map((s) => matches(s, { abnormalOnly: true }))).toEqual([true, false]);
    expect([chat, feed].map((s) => matches(s, {}))).toEqual([true, true]);
  });

  it('counts search matches in previews, any case', () => {
    expect(matchingOrdinals(chat.messages, 'world')).toHaveLength(1);
    expect(matchingOrdinals(chat.messages, 'E')).toHaveLength(2);
    expect(matchingOrdinals(feed.messages, 'o')).toHaveLength(0);
  });

  it('keeps its answer right while previews arrive and the oldest are dropped', () => {
    const live = new LogStore({ perSocket: 50, total: 1000, totalChars: 1e6 });
    live.applyBatch(batch('d', [ev.created(1, 1), ev.open(1, 2)]), 0);
    const buffer = live.sockets.get('d:1')!.messages;
    let seq = 2;
    for (let round = 0; round < 7; round++) {
      live.applyBatch(
        batch(
          'd',
          Array.from({ length: 17 }, (_, i) =>
            ev.message(1, ++seq, i % 3 === 0 ? `Tick ${seq}` : `tock ${seq}`),
          ),
        ),
        0,
      );
      const found = matchingOrdinals(buffer, 'tick').map((o) => buffer.at(o - buffer.dropped)!.preview);
      expect(found).toEqual(
        [...buffer].map((m) => m.preview).filter((p) => p!.toLowerCase().includes('tick')),
      );
    }
    expect(buffer.dropped).toBeGreaterThan(0);
  });
});
