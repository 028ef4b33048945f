import { recordedHistory } from '../page/recorded-history';
import type { ExportableSocket } from '../../../src/export/close-log';
import { ev } from '../event-builders';

/** A reason that breaks naive CSV: commas, quotes, a line break, and a formula-looking start. */
export const NASTY_REASON = 'bad, "very" bad\nsecond line';
export const HTML = '<img src=x onerror=alert(1)>';

/**
 * Sockets as the store holds them, covering what exports must carry: a dropped one, one the server
 * closed with a nasty reason, one the tester dropped, one still open that the tester sent a
 * message through and injected one into, and message previews.
 */
export function exportFixture(): ExportableSocket[] {
  const events = [
    ev.created(1, 1, 'wss://a.test/feed?x=1,2&y="q"'),
    ev.open(1, 2),
    ev.message(1, 3, '{"hello":"world"}', 'sent'),
    { ...ev.message(1, 4, 'cafe00ff', 'received'), kind: 'binary' as const, jsType: 'ArrayBuffer', size: 4 },
    ev.closed(1, 5, 1006, false),
    ev.created(2, 6, `wss://b.test/${HTML}`),
    ev.open(2, 7),
    ev.closed(2, 8, 4001, true, NASTY_REASON),
    ev.created(3, 9, 'wss://c.test/'),
    ev.open(3, 10),
    {
      type: 'injected' as const,
      socket: 3,
      seq: 11,
      t: 1011,
      action: 'drop' as const,
      code: null,
      reason: null,
    },
    { ...ev.closed(3, 12, 1006, false), injected: true as const },
    ev.created(4, 13, 'wss://d.test/live'),
    ev.open(4, 14),
    { ...ev.message(4, 15, 'as the page', 'sent'), tester: true as const },
    { ...ev.message(4, 16, '{"type":"pong"}', 'received'), tester: true as const },
  ];
  return exportableSockets(events);
}

/** Sockets as the store holds them after the page recorded `events`, each with its previews. */
export function exportableSockets(events: Parameters<typeof recordedHistory>[1]): ExportableSocket[] {
  const h = recordedHistory('d', events);
  const messages = h.messages();
  return h
    .summaries()
    .map((s) => ({ ...s, handshake: null, messages: messages.filter((m) => m.socket === s.socket) }));
}
