import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as v from 'valibot';
import { buildCloseLog } from '../../../src/export/close-log';
import type { CloseLog, ExportableSocket } from '../../../src/export/close-log';
import type { HandshakeReport as HandshakeSchema } from '../../../src/export/close-log-schema';
import { closeLogHar } from '../../../src/export/har';
import { parseImport } from '../../../src/import/close-log-file';
import { closeLogToSockets } from '../../../src/import/close-log-sockets';
import type { HandshakeReport } from '../../../src/protocol/handshake';
import { exportFixture } from '../export/export-fixture';

const at = new Date('2026-11-24T12:00:00Z');

/**
 * The export fixture (previews, a tester's drop, an open socket) plus what it lacks: a
 * handshake the browser reported, a page's own close() call, and a close whose event time is not
 * the socket's close time, so an import that invented `close.at` would show.
 */
function sockets(): ExportableSocket[] {
  const [dropped, nasty, injected, open] = exportFixture();
  if (!dropped?.close || !nasty?.close || !injected || !open) throw new Error('fixture changed');
  return [
    { ...dropped, close: { ...dropped.close, at: dropped.close.at + 0.5 }, frameId: 7 },
    {
      ...nasty,
      openedAt: null,
      handshake: {
        requestId: '42',
        frameId: 0,
        url: nasty.url,
        at: nasty.createdAt + 1,
        statusCode: 403,
        statusLine: 'HTTP/1.1 403 Forbidden',
        error: null,
      },
    },
    { ...injected, closeCall: { code: 4001, reason: 'bye', at: injected.createdAt + 2 } },
    open,
  ];
}

/** An imported log as the panel's model would hold it, exported again. */
function reexport(log: CloseLog): string {
  const imported = closeLogToSockets(log);
  const back = imported.sockets.map(({ summary, frameId, handshake, messages }) => ({
    ...summary,
    frameId,
    handshake,
    messages,
  }));
  return JSON.stringify(buildCloseLog(back, new Date(imported.exportedAt), { previews: true }));
}

const parsed = (name: string, text: string): CloseLog => {
  const r = parseImport(name, text);
  if (!r.ok) throw new Error(r.error);
  return r.log;
};

describe('closeLogToSockets', () => {
  it('is the inverse of the export: export, import, export gives the same file', () => {
    const first = buildCloseLog(sockets(), at, { previews: true });
    expect(first.sockets[0]!.close!.at).toBe(first.sockets[0]!.closedAt! + 0.5);
    expect(
      first.sockets.map((s) => [s.handshake?.statusCode, s.closeCall?.reason, s.injection?.action]),
    ).toEqual([
      [undefined, undefined, undefined],
      [403, undefined, undefined],
      [undefined, 'bye', 'drop'],
      [undefined, undefined, undefined],
    ]);
    const text = JSON.stringify(first);
    expect(reexport(parsed('log.json', text))).toBe(text);
    expect(reexport(parsed('log.har', JSON.stringify(closeLogHar(first, '1'))))).toBe(text);
  });

  it('returns plain data: summaries, frame ids, handshakes and numbered messages, and when the file was made', () => {
    const imported = closeLogToSockets(buildCloseLog(sockets(), at, { previews: true }));
    expect(imported.exportedAt).toBe(at.getTime());
    expect(imported.redaction).toEqual(expect.objectContaining({ applied: true }));
    const [first] = imported.sockets;
    expect(first).toMatchObject({ frameId: 7, handshake: null, summary: { doc: 'imported', socket: 1 } });
    expect(first!.messages.map((m) => [m.type, m.socket, m.seq])).toEqual([
      ['message', 1, 1],
      ['message', 1, 2],
    ]);
  });

  it('reads a close without `at` (files written before it) as closing when the socket did', () => {
    const log = buildCloseLog(sockets(), at);
    delete log.sockets[0]!.close!.at;
    const [first] = closeLogToSockets(parsed('old.json', JSON.stringify(log))).sockets;
    expect(first!.summary.close!.at).toBe(log.sockets[0]!.closedAt);
  });

  it('types the handshake the file holds as the protocol’s handshake report', () => {
    expectTypeOf<v.InferOutput<typeof HandshakeSchema>>().toEqualTypeOf<HandshakeReport>();
  });
});
