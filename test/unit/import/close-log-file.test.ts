import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../src/export/close-log';
import { closeLogHar } from '../../../src/export/har';
import { MAX_IMPORT_BYTES, importSizeError, parseImport } from '../../../src/import/close-log-file';
import { importedStore } from '../../../src/import/imported-store';
import { exportFixture, HTML } from '../export/export-fixture';

const at = new Date('2026-11-24T12:00:00Z');
const log = () => buildCloseLog(exportFixture(), at, { previews: true });
const error = (text: string) => {
  const r = parseImport('x.json', text);
  if (r.ok) throw new Error('imported');
  return r.error;
};

describe('import', () => {
  it('reads a JSON close log back into a store whose export is the same log', () => {
    const original = log();
    const r = parseImport('log.json', JSON.stringify(original));
    expect(r).toMatchObject({ ok: true, kind: 'close log' });
    if (!r.ok) return;
    const store = importedStore(r.log);
    expect(store.frozenAt).toBe(at.getTime());
    expect(buildCloseLog(store.sockets.values(), at, { previews: true })).toEqual(original);
  });

  it('reads our HAR back to the same sockets and previews', () => {
    const original = log();
    const r = parseImport('log.har', JSON.stringify(closeLogHar(original, '1')));
    expect(r).toMatchObject({ ok: true, kind: 'HAR' });
    if (r.ok) expect(r.log).toEqual(original);
  });

  it('reads version 1 logs written before the additive fields, with their defaults', () => {
    const minimal = {
      format: 'websocket-close-log',
      version: 1,
      exportedAt: at.toISOString(),
      sockets: [
        {
          id: 'a',
          url: 'ws://x/',
          createdAt: 1,
          openedAt: 2,
          closedAt: 3,
          state: 'closed',
          sent: { messages: 0, bytes: 0 },
          received: { messages: 0, bytes: 0 },
          close: {
            code: 1000,
            reason: '',
            wasClean: true,
            initiator: 'server',
            name: 'Normal Closure',
            explanation: 'e',
            abnormal: false,
          },
        },
      ],
    };
    const r = parseImport('old.json', JSON.stringify(minimal));
    expect(r.ok && r.log.sockets[0]).toMatchObject({
      frameUrl: '',
      protocols: [],
      injection: null,
      close: { injected: false },
    });
  });

  it('keeps HTML in every field as data (the views render text) and gives repeated ids their own', () => {
    const l = log();
    l.sockets[1]!.id = l.sockets[0]!.id;
    const r = parseImport('x.json', JSON.stringify(l));
    expect(r.ok && r.log.sockets[1]!.url).toBe(`wss://b.test/${HTML}`);
    if (r.ok) expect([...importedStore(r.log).sockets.keys()]).toEqual(['d:1', 'd:1 (2)', 'd:3', 'd:4']);
  });

  it('refuses hostile or foreign files with one clear sentence', () => {
    expect(error('<html><body>hi</body></html>')).toMatch(/^Cannot open “x.json”: it is not JSON \(/);
    expect(error('[1, 2, 3]')).toBe(
      'Cannot open “x.json”: it is neither a WebSocket close log (no "format": "websocket-close-log") nor a HAR file.',
    );
    expect(error(JSON.stringify({ ...log(), version: 2 }))).toBe(
      'Cannot open “x.json”: it is a close log of version 2; this extension reads version 1.',
    );
    expect(error(JSON.stringify({ ...log(), sockets: 'all of them' }))).toMatch(
      /not a valid close log at sockets: Invalid type: Expected Array/,
    );
    const l = log();
    (l.sockets[2]!.close as unknown as { code: string }).code = '1006';
    expect(error(JSON.stringify(l))).toMatch(
      /at sockets\.2\.close\.code: Invalid type: Expected number but received "1006"/,
    );
    l.sockets[2]!.close!.code = 1006;
    l.sockets[2]!.createdAt = 1e300; // no Date can hold it
    expect(error(JSON.stringify(l))).toMatch(
      /at sockets\.2\.createdAt: Invalid value: Expected <=8640000000000000/,
    );
    l.sockets[2]!.createdAt = 1;
    l.sockets[2]!.url = 'x'.repeat(9000);
    expect(error(JSON.stringify(l))).toMatch(/at sockets\.2\.url: Invalid length/);
    expect(error(JSON.stringify({ log: { creator: { name: 'WebInspector' }, entries: [] } }))).toBe(
      'Cannot open “x.json”: it is a HAR file from WebInspector, not one exported by WebSocket Close Inspector: only those carry the close facts.',
    );
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(
      error(
        `{"format":"websocket-close-log","version":1,"exportedAt":"${at.toISOString()}","sockets":${deep}}`,
      ),
    ).toMatch(/not a valid close log at sockets\.0/);
  });

  it('refuses files over the size limit before reading them', () => {
    expect(importSizeError('big.json', MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeError('big.json', MAX_IMPORT_BYTES + 1)).toBe(
      'Cannot open “big.json”: it is 50.0 MB; the limit is 50.0 MB.',
    );
    expect(importSizeError('big.json', 63 * 1024 * 1024)).toBe(
      'Cannot open “big.json”: it is 63.0 MB; the limit is 50.0 MB.',
    );
  });
});
