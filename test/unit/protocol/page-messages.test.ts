import { describe, expect, it } from 'vitest';
import { parsePageMessage } from '../../../src/protocol/page-messages';
import { summaryFromCreated } from '../../../src/log/apply-event';
import { batch, ev, snapshot } from '../event-builders';

describe('parsePageMessage', () => {
  it('accepts every well-formed event and snapshot', () => {
    const events = [
      ev.created(1, 1),
      ev.open(1, 2),
      ev.message(1, 3),
      ev.error(1, 4),
      ev.closeCall(1, 5, 4001, 'r'),
      ev.closed(1, 6, 4001),
    ];
    expect(parsePageMessage(JSON.stringify(batch('d', events)))).toEqual({
      ok: true,
      message: batch('d', events),
    });
    expect(parsePageMessage(JSON.stringify(snapshot('d', 0, [])))).toMatchObject({ ok: true });
  });

  it.each([
    ['a non-string', 42],
    ['not JSON', '{'],
    ['a foreign source', JSON.stringify({ ...batch('d', []), source: 'someone-else' })],
    ['an unknown event type', JSON.stringify(batch('d', [{ ...ev.error(1, 1), type: 'boom' } as never]))],
    ['a non-integer socket', JSON.stringify(batch('d', [{ ...ev.error(1, 1), socket: 1.5 }]))],
    ['an infinite time', JSON.stringify(batch('d', [{ ...ev.error(1, 1), t: '1e999' } as never]))],
    // Finite, but past what a Date holds: toISOString() in every export would throw on it.
    ['a time no Date can hold', JSON.stringify(batch('d', [{ ...ev.error(1, 1), t: 1e300 }]))],
    [
      'a socket created at a time no Date can hold',
      JSON.stringify(snapshot('d', 1, [{ ...summaryFromCreated('d', ev.created(1, 1)), createdAt: -1e300 }])),
    ],
    ['a huge preview', JSON.stringify(batch('d', [{ ...ev.message(1, 1), preview: 'x'.repeat(5000) }]))],
    [
      'too many events',
      JSON.stringify(
        batch(
          'd',
          Array.from({ length: 10_001 }, (_, i) => ev.error(1, i + 1)),
        ),
      ),
    ],
  ])('rejects %s with an error text', (_what, data) => {
    const result = parsePageMessage(data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(0);
  });
});
