import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../src/export/close-log';
import { csvRow } from '../../../src/export/close-log-csv';
import { closeLogHar } from '../../../src/export/har';
import { socketSummaryText } from '../../../src/export/socket-summary-text';
import { redactCloseLog } from '../../../src/export/redaction';
import { harToCloseLog } from '../../../src/import/har-to-close-log';
import { schemaErrors } from '../../support/close-log-schema';
import { ev } from '../event-builders';
import { exportableSockets } from './export-fixture';

const at = new Date('2026-11-24T12:00:00Z');

/** A socket with a rewritten message (its original held a bearer token) and a blocked one. */
function intercepted() {
  return exportableSockets([
    ev.created(1, 1, 'wss://a.test/chat'),
    ev.open(1, 2),
    {
      ...ev.message(1, 3, '{"text":"edited"}', 'sent'),
      intercept: {
        rule: 'rule-1',
        outcome: 'rewritten' as const,
        original: 'Authorization: Bearer opaque-bearer-value',
      },
    },
    {
      ...ev.message(1, 4, 'ad', 'received'),
      intercept: { rule: 'rule-2', outcome: 'blocked' as const, original: null },
    },
    ev.message(1, 5, 'plain', 'received'),
  ]);
}

describe('intercepted messages in exports', () => {
  it('are marked in the JSON close log, which the schema accepts', () => {
    const log = buildCloseLog(intercepted(), at, { previews: true });
    expect(schemaErrors(log)).toBe('');
    expect(log.sockets[0]!.messages!.map((m) => m.intercept?.outcome ?? null)).toEqual([
      'rewritten',
      'blocked',
      null,
    ]);
  });

  it('are counted per socket in the CSV and in Copy summary', () => {
    const socket = buildCloseLog(intercepted(), at).sockets[0]!;
    expect(socket.intercepted).toBe(2);
    expect(csvRow(socket).interceptedMessages).toBe(2);
    expect(socketSummaryText(socket)).toContain('Intercepted by rules: 2 of these messages');
  });

  it('are marked in the HAR, and read back from it', () => {
    const log = buildCloseLog(intercepted(), at, { previews: true });
    const har = closeLogHar(log, '1');
    const messages = har.log.entries[0]!._webSocketMessages;
    expect(messages.map((m) => m._intercept?.outcome ?? null)).toEqual(['rewritten', 'blocked', null]);
    const back = harToCloseLog(JSON.parse(JSON.stringify(har)) as Record<string, unknown>);
    expect(back.ok && schemaErrors(back.candidate)).toBe('');
  });

  it('have the secrets of their original text redacted too', () => {
    const log = redactCloseLog(buildCloseLog(intercepted(), at, { previews: true }));
    const original = log.sockets[0]!.messages![0]!.intercept!.original;
    expect(original).not.toContain('opaque-bearer-value');
    expect(original).toContain('Authorization: Bearer');
  });
});
