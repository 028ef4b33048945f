import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../src/export/close-log';
import type { ExportableSocket } from '../../../src/export/close-log';
import { exportFile, EXPORT_FORMATS } from '../../../src/export/export-file';
import {
  DEFAULT_SECRET_NAMES,
  parseSecretNames,
  redactCloseLog,
  redactText,
  redactUrl,
} from '../../../src/export/redaction';
import { socketSummaryText } from '../../../src/export/socket-summary-text';
import { schemaErrors } from '../../support/close-log-schema';
import { ev } from '../event-builders';
import { recordedHistory } from '../page/recorded-history';

const names = new Set(DEFAULT_SECRET_NAMES.map((n) => n.replace(/_/g, '')));
const at = new Date('2026-11-24T12:00:00Z');

const TOKEN = 's3cr3t-T0ken';
/** A real-looking JWT (header {"alg":"HS256","typ":"JWT"}), as an app would send it to authenticate. */
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJxYS11c2VyIiwiaWF0IjoxNzk1MDAwMDAwfQ.8xYq0n1kq2Yl0R5p3W4dZ6t7u8v9w0x1y2z3a4b5c6d';
const SECRETS = [TOKEN, JWT, 'hunter2', 'opaque-bearer-value'];

/**
 * A socket whose URL, messages, subprotocols and close reason carry secrets, and so do its
 * worker's URL and what Chromium reported of it (deep capture).
 */
function secretSockets(): ExportableSocket[] {
  const h = recordedHistory('d', [
    { ...ev.created(1, 1, `wss://api.test/live?room=7&token=${TOKEN}`), protocols: ['chat', JWT] },
    ev.open(1, 2),
    ev.message(1, 3, `{"type":"auth","credentials":"${JWT}"}`, 'sent'),
    ev.message(1, 4, '{"type":"login","user":"qa","password":"hunter2"}', 'sent'),
    ev.message(1, 5, 'Authorization: Bearer opaque-bearer-value', 'sent'),
    ev.closed(1, 6, 4001, true, `expired ${JWT}`),
  ]);
  const messages = h.messages();
  const url = `wss://api.test/live?room=7&token=${TOKEN}`;
  return h.summaries().map((s) => ({
    ...s,
    handshake: null,
    worker: { kind: 'dedicated' as const, url: `https://api.test/worker.js?token=${TOKEN}` },
    wire: {
      requestId: 'r1',
      url,
      at: 5,
      statusCode: 401,
      statusText: 'Unauthorized',
      headers: [{ name: 'WWW-Authenticate', value: `Bearer opaque-bearer-value` }],
      error: `rejected ${JWT}`,
    },
    messages,
  }));
}

describe('redaction', () => {
  it('replaces the values of secret-looking query parameters, and a URL password, and nothing else', () => {
    expect(redactUrl(`wss://a.test/x?room=7&token=${TOKEN}&access_token=b#frag`, names)).toBe(
      'wss://a.test/x?room=7&token=[redacted]&access_token=[redacted]#frag',
    );
    expect(redactUrl('wss://a.test/?X-Amz-Signature=1&apiKey=2&api_key=3&sessionId=4&sig=5', names)).toBe(
      'wss://a.test/?X-Amz-Signature=[redacted]&apiKey=[redacted]&api_key=[redacted]&sessionId=[redacted]&sig=[redacted]',
    );
    expect(redactUrl('wss://a.test/?monkey=1&author=2&keyboard=3&q=a%20b', names)).toBe(
      'wss://a.test/?monkey=1&author=2&keyboard=3&q=a%20b',
    );
    expect(redactUrl('wss://user:pa55@a.test/', names)).toBe('wss://user:[redacted]@a.test/');
    expect(redactUrl('https://a.test/cb#access_token=abc&state=1', names)).toBe(
      'https://a.test/cb#access_token=[redacted]&state=1',
    );
    expect(redactUrl('not a url', names)).toBe('not a url');
  });

  it('replaces JWTs, Bearer values and secret fields in text, and is idempotent', () => {
    const text = `{"jwt":"x","id_token":"${JWT}","password":"hunter2","name":"qa"} Bearer abc.def token=xyz&n=1`;
    const once = redactText(text, names);
    expect(once).toBe(
      '{"jwt":"[redacted]","id_token":"[redacted]","password":"[redacted]","name":"qa"} Bearer [redacted] token=[redacted]&n=1',
    );
    expect(redactText(once, names)).toBe(once);
    expect(redactText('nothing to see: {"a":1}', names)).toBe('nothing to see: {"a":1}');
  });

  it('keeps every secret out of every export format and Copy summary by default, and says so', () => {
    for (const { format } of EXPORT_FORMATS) {
      const file = exportFile(format, secretSockets(), at);
      for (const secret of SECRETS) expect(file.text, `${format} holds ${secret}`).not.toContain(secret);
      expect(file.text).toContain('[redacted]');
    }
    const log = buildCloseLog(secretSockets(), at, { previews: true });
    expect(schemaErrors(log)).toBe('');
    expect(log.redaction).toEqual({
      applied: true,
      rules: [...DEFAULT_SECRET_NAMES.map((n) => `name:${n}`), 'url-password', 'jwt', 'bearer'],
    });
    expect(log.sockets[0]!.url).toBe('wss://api.test/live?room=7&token=[redacted]');
    expect(log.sockets[0]!.close!.reason).toBe('expired [redacted]');
    const summary = socketSummaryText(
      buildCloseLog(secretSockets(), at, { redaction: { redact: false } }).sockets[0]!,
    );
    for (const secret of SECRETS) expect(summary).not.toContain(secret);
  });

  it('includes secrets only when asked, and the file says so', () => {
    const log = buildCloseLog(secretSockets(), at, { previews: true, redaction: { redact: false } });
    expect(log.redaction).toEqual({ applied: false, rules: [] });
    const text = JSON.stringify(log);
    for (const secret of SECRETS) expect(text).toContain(secret);
    expect(exportFile('har', secretSockets(), at, { redact: false }).text).toContain(TOKEN);
    expect(socketSummaryText(log.sockets[0]!, { redact: false })).toContain(TOKEN);
  });

  it('uses the user’s list of names instead of the defaults', () => {
    const list = parseSecretNames('room,\n  tenant token ');
    expect(list).toEqual(['room', 'tenant', 'token']);
    const log = redactCloseLog(buildCloseLog(secretSockets(), at, { redaction: { redact: false } }), {
      redact: true,
      names: list,
    });
    expect(log.sockets[0]!.url).toBe('wss://api.test/live?room=[redacted]&token=[redacted]');
    expect(log.redaction?.rules).toContain('name:tenant');
  });
});
