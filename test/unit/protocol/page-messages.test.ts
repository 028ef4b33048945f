import { describe, expect, it } from 'vitest';
import { pageMessageVersion, parsePageMessage } from '../../../src/protocol/page-messages';
import { PROTOCOL_VERSION } from '../../../src/protocol/envelope';
import { summaryFromCreated } from '../../../src/protocol/summary-fold';
import { batch, ev, pageString, snapshot } from '../event-builders';

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
    expect(parsePageMessage(pageString(batch('d', events)))).toEqual({
      ok: true,
      message: batch('d', events),
    });
    expect(parsePageMessage(pageString(snapshot('d', 0, [])))).toMatchObject({ ok: true });
  });

  it.each([
    ['a non-string', 42],
    ['not JSON', '{'],
    ['a foreign source', pageString({ ...batch('d', []), source: 'someone-else' })],
    ['an unknown event type', pageString(batch('d', [{ ...ev.error(1, 1), type: 'boom' } as never]))],
    ['a non-integer socket', pageString(batch('d', [{ ...ev.error(1, 1), socket: 1.5 }]))],
    // A number literal JSON.parse turns into Infinity (JSON.stringify cannot write one).
    ['an infinite time', pageString(batch('d', [{ ...ev.error(1, 1), t: 1 }])).replace('"t":1', '"t":1e999')],
    ['a time that is a string', pageString(batch('d', [{ ...ev.error(1, 1), t: '1' } as never]))],
    // Finite, but past what a Date holds: toISOString() in every export would throw on it.
    ['a time no Date can hold', pageString(batch('d', [{ ...ev.error(1, 1), t: 1e300 }]))],
    [
      'a socket created at a time no Date can hold',
      pageString(snapshot('d', 1, [{ ...summaryFromCreated('d', ev.created(1, 1)), createdAt: -1e300 }])),
    ],
    ['a huge preview', pageString(batch('d', [{ ...ev.message(1, 1), preview: 'x'.repeat(5000) }]))],
    [
      'too many events',
      pageString(
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

describe('pageMessageVersion', () => {
  it('reads the version a recorder wrote from the first characters, whatever follows', () => {
    expect(pageMessageVersion(pageString(batch('d', [])))).toBe(PROTOCOL_VERSION);
    expect(pageMessageVersion(`${pageString(batch('d', []), 9).slice(0, 40)}…cut`)).toBe(9);
    // Version 1 had no header: its JSON began with the brand and the version.
    expect(pageMessageVersion('{"source":"websocket-close-inspector","v":1,"type":"events","doc":')).toBe(1);
    expect(pageMessageVersion('{"v":1,"source":"websocket-close-inspector"}')).toBeNull();
    expect(pageMessageVersion('websocket-close-inspector/x;{}')).toBeNull();
  });

  it('tells a message of another version from a malformed one', () => {
    expect(parsePageMessage(pageString(batch('d', []), 1))).toEqual({
      ok: false,
      version: 1,
      error: expect.stringContaining('version 1'),
    });
    expect(parsePageMessage(JSON.stringify(batch('d', [])))).toMatchObject({ ok: false, version: null });
  });
});

describe('live batches on the wire', () => {
  it('carry messages as tuples, parsed into message events in sequence order', () => {
    const wire = {
      ...batch('d', [ev.created(1, 1), ev.closed(1, 5)]),
      messages: [
        [2, 1, 1002, 0, 'string', 1, 'm'],
        [3, 1, 1003, 1 | 2 | 4, 'Uint8Array', 300, 'ff'],
        [4, 1, 1004, 8, 'string', 2, 'hi'],
      ],
    };
    const parsed = parsePageMessage(pageString(wire));
    expect(parsed).toEqual({
      ok: true,
      message: batch('d', [
        ev.created(1, 1),
        ev.message(1, 2, 'm'),
        {
          ...ev.message(1, 3, 'ff', 'sent'),
          kind: 'binary',
          jsType: 'Uint8Array',
          size: 300,
          truncated: true,
        },
        { ...ev.message(1, 4, 'hi'), tester: true },
        ev.closed(1, 5),
      ]),
    });
    expect(parsePageMessage(pageString({ ...wire, messages: [[2, 1, 1002, 16, 'string', 1, 'm']] })).ok).toBe(
      false,
    );
    expect(parsePageMessage(pageString({ ...wire, messages: [[2, 1, 1002, 0, 'string', -1, 'm']] })).ok).toBe(
      false,
    );
  });
});
