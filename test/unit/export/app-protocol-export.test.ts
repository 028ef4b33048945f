import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../src/export/close-log';
import type { CloseLog } from '../../../src/export/close-log';
import { closeLogCsv } from '../../../src/export/close-log-csv';
import { closeLogHar } from '../../../src/export/har';
import { socketSummaryText } from '../../../src/export/socket-summary-text';
import { parseImport } from '../../../src/import/close-log-file';
import { closeLogToSockets } from '../../../src/import/close-log-sockets';
import { protocolById } from '../../../src/protocols';
import { schemaErrors } from '../../support/close-log-schema';
import { JWT, appProtocolFixture } from './app-protocol-fixture';

const at = new Date('2026-11-24T12:00:00Z');
const byUrl = (log: CloseLog, part: string) => log.sockets.find((s) => s.url.includes(part))!;

/** A file as the panel's import holds it, exported again (no panel detection: the file's word). */
function reexport(text: string, previews: boolean): CloseLog {
  const r = parseImport('log', text);
  if (!r.ok) throw new Error(r.error);
  const imported = closeLogToSockets(r.log);
  const back = imported.sockets.map(({ summary, ...rest }) => ({ ...summary, ...rest }));
  return buildCloseLog(back, at, { previews });
}

describe('exports carry the application protocol', () => {
  it('names each socket’s protocol and how it was recognised, beside the negotiated subprotocol', () => {
    const log = buildCloseLog(appProtocolFixture(), at);
    expect(log.sockets.map((s) => [s.appProtocol?.id, s.appProtocol?.detectedBy, s.protocol])).toEqual([
      ['socket-io', 'url', ''],
      ['graphql-ws', 'subprotocol', 'graphql-transport-ws'],
      ['phoenix', 'url', ''],
    ]);
    expect(byUrl(log, 'socket.io').appProtocol?.name).toBe('Socket.IO');
    expect(schemaErrors(log)).toBe('');
  });

  it('decodes every exported preview, and only when previews are exported', () => {
    const log = buildCloseLog(appProtocolFixture(), at, { previews: true });
    expect(schemaErrors(log)).toBe('');
    expect(byUrl(log, 'socket.io').messages?.map((m) => m.decoded)).toEqual([
      { protocol: 'socket-io', type: 'open', summary: 'open pingInterval 25 s pingTimeout 20 s' },
      { protocol: 'socket-io', type: 'CONNECT', summary: 'CONNECT /' },
      { protocol: 'socket-io', type: 'CONNECT', summary: 'CONNECT /' },
      { protocol: 'socket-io', type: 'EVENT', summary: 'event chat:message' },
      { protocol: 'socket-io', type: 'DISCONNECT', summary: 'DISCONNECT /' },
    ]);
    expect(buildCloseLog(appProtocolFixture(), at).sockets[0]).not.toHaveProperty('messages');
  });

  it('puts the application’s goodbye beside the browser’s close, with or without previews', () => {
    for (const previews of [false, true]) {
      const io = byUrl(buildCloseLog(appProtocolFixture(), at, { previews }), 'socket.io').close!;
      expect(io).toMatchObject({ code: 1005, initiator: 'server' });
      expect(io.application).toMatchObject({
        protocol: 'socket-io',
        name: 'DISCONNECT',
        reason: 'io server disconnect',
        reconnect: false,
      });
    }
  });

  it('names a close code by the protocol’s own document, and adds no goodbye that was not seen', () => {
    const gql = byUrl(buildCloseLog(appProtocolFixture(), at), 'graphql').close!;
    expect(gql.name).toBe('Unauthorized');
    expect(gql.explanation).toMatch(/^Server closed with 4401 Unauthorized \(GraphQL WS\)/);
    expect(gql).not.toHaveProperty('application');
  });

  it('follows the panel’s detection: Decode as is the user’s, "none" exports no protocol', () => {
    const [io] = appProtocolFixture();
    const phoenix = protocolById('phoenix')!;
    const chosen = { protocol: phoenix, detectedBy: 'user' as const, evidence: 'chosen' };
    const [asPhoenix] = buildCloseLog([{ ...io!, detection: chosen }], at, { previews: true }).sockets;
    expect(asPhoenix!.appProtocol).toEqual({ id: 'phoenix', name: 'Phoenix Channels', detectedBy: 'user' });
    expect(asPhoenix!.messages?.[0]?.decoded?.protocol).toBe('phoenix');
    const [none] = buildCloseLog([{ ...io!, detection: null }], at, { previews: true }).sockets;
    expect(none).not.toHaveProperty('appProtocol');
    expect(none!.close).not.toHaveProperty('application');
    expect(none!.messages?.[0]).not.toHaveProperty('decoded');
  });

  it('redacts secrets the decoded text and the goodbye quote from the messages', () => {
    const log = buildCloseLog(appProtocolFixture(), at, { previews: true });
    const phoenix = byUrl(log, 'vsn=2');
    expect(JSON.stringify(log)).not.toContain(JWT);
    expect(phoenix.messages?.map((m) => m.decoded?.summary)).toEqual([
      'phx_join room:[redacted]',
      'phx_reply room:[redacted] error (join)',
    ]);
    expect(phoenix.close?.application?.explanation).toContain('room:[redacted]');
    const open = buildCloseLog(appProtocolFixture(), at, { previews: true, redaction: { redact: false } });
    expect(byUrl(open, 'vsn=2').close?.application?.explanation).toContain(JWT);
  });

  it('adds CSV columns after the first release’s, and the HAR keeps each message’s decoding', () => {
    const log = buildCloseLog(appProtocolFixture(), at, { previews: true });
    const rows = Papa.parse<Record<string, string>>(closeLogCsv(log).replace(/^\ufeff/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.meta.fields?.slice(0, 2)).toEqual(['id', 'url']);
    expect(rows.data[0]).toMatchObject({
      appProtocol: 'Socket.IO',
      appProtocolDetectedBy: 'url',
      applicationProtocol: 'socket-io',
      applicationName: 'DISCONNECT',
      applicationReason: 'io server disconnect',
    });
    expect(rows.data[1]).toMatchObject({
      appProtocol: expect.stringMatching(/^GraphQL/),
      applicationName: '',
    });
    const har = closeLogHar(log, '1');
    expect(har.log.entries[0]!._webSocketMessages.at(-1)?._decoded?.summary).toBe('DISCONNECT /');
    expect(har.log.entries[0]!._webSocketClose.appProtocol?.id).toBe('socket-io');
  });

  it('says the protocol and the goodbye in the copied summary', () => {
    const text = socketSummaryText(buildCloseLog(appProtocolFixture(), at).sockets[0]!);
    expect(text).toContain('Application protocol: Socket.IO (by url)');
    expect(text).toMatch(/Application said \(socket-io\): The server disconnected this client/);
  });
});

describe('the import reads the protocol facts back', () => {
  it('exports an imported JSON or HAR file again as it was', () => {
    const first = buildCloseLog(appProtocolFixture(), at, { previews: true });
    const text = JSON.stringify(first);
    expect(JSON.stringify(reexport(text, true))).toBe(text);
    expect(JSON.stringify(reexport(JSON.stringify(closeLogHar(first, '1')), true))).toBe(text);
  });

  it('keeps the file’s protocol and goodbye when it has no previews to find them in', () => {
    const [io] = appProtocolFixture();
    const phoenix = protocolById('phoenix')!;
    const chosen = { protocol: phoenix, detectedBy: 'user' as const, evidence: 'chosen' };
    const file = buildCloseLog([io!, { ...io!, id: 'd:9', detection: chosen }], at);
    const again = reexport(JSON.stringify(file), false);
    expect(again.sockets.map((s) => s.appProtocol?.detectedBy)).toEqual(['url', 'user']);
    expect(again.sockets[0]!.close?.application).toEqual(file.sockets[0]!.close?.application);
    expect(JSON.stringify(again)).toBe(JSON.stringify(file));
  });

  it('detects afresh when the file names a protocol this version does not know', () => {
    const log = buildCloseLog(appProtocolFixture(), at, { previews: true });
    const io = byUrl(log, 'socket.io');
    io.appProtocol = { id: 'future-protocol', name: 'Future', detectedBy: 'content' };
    expect(byUrl(reexport(JSON.stringify(log), true), 'socket.io').appProtocol?.id).toBe('socket-io');
  });
});
