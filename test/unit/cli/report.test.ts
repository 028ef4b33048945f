import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/automation/cli/main';
import { SESSION_JWT, SESSION_TOKEN } from '../../../scripts/devtools-har/session';
import type { Report } from '../../../src/automation/cli/report-row';
import { buildCloseLog } from '../../../src/export/close-log';
import { closeLogCsv } from '../../../src/export/close-log-csv';
import { closeLogHar } from '../../../src/export/har';
import { appProtocolFixture } from '../export/app-protocol-fixture';

const sample = (name: string) => resolve(import.meta.dirname, '../../../docs/samples', name);

/** Runs the CLI as the package's bin does, keeping what it printed. */
async function run(...argv: string[]): Promise<{ status: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const status = await main(argv, { out: (t) => (out += t), err: (l) => err.push(l) });
  return { status, out, err };
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wsci-cli-'));
});
const file = async (name: string, text: string) => {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
};

describe('websocket-close-inspector report', () => {
  it('explains every socket of our JSON, HAR and CSV exports alike, and fails CI on an abnormal close', async () => {
    const reports = await Promise.all(
      ['close-log.json', 'close-log.har', 'close-log.csv'].map((f) =>
        run('report', sample(f), '--format', 'json', '--fail-on', 'abnormal'),
      ),
    );
    const rows = reports.map((r) => (JSON.parse(r.out) as { sockets: unknown[] }).sockets);
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    for (const r of reports) {
      expect(r.status).toBe(1);
      expect(r.err).toEqual([expect.stringMatching(/: 1 of 4 sockets match --fail-on abnormal$/)]);
    }
    expect(rows[0]).toContainEqual(
      expect.objectContaining({
        url: expect.stringMatching(/\/ws\/terminate$/),
        code: 1006,
        name: 'Abnormal Closure',
        initiator: 'network',
        abnormal: true,
        explanation: expect.stringMatching(/^Connection dropped after opening/),
      }),
    );
    const table = await run('report', sample('close-log.json'));
    expect(table.status).toBe(0);
    expect(table.out).toMatch(
      /^close-log\.json: JSON close log, 4 sockets, 1 abnormal \(secrets redacted\)\n/,
    );
    expect(table.out).toMatch(
      / 1006 +Abnormal Closure +no +network +ws:\/\/\S+\/ws\/terminate +ABNORMAL\n +Connection dropped/,
    );
    expect(table.out).toContain('INJECTED BY TESTER');
  });

  it('fails on a list of codes and ranges', async () => {
    expect((await run('report', sample('close-log.json'), '--fail-on', '4001')).status).toBe(1);
    expect((await run('report', sample('close-log.json'), '--fail-on', '1011,4002-4999')).status).toBe(0);
    expect((await run('report', sample('close-log.json'), '--fail-on', '1011,4000-4999')).status).toBe(1);
  });

  it('reads what a Chromium DevTools HAR holds: failed handshakes and failed connections are 1006, other closes unknown', async () => {
    const r = await run(
      'report',
      sample('chromium-devtools.har'),
      '--format',
      'json',
      '--fail-on',
      'abnormal',
    );
    expect(r.status).toBe(1);
    const report = JSON.parse(r.out) as {
      kind: string;
      sockets: { url: string; code: number | null; inferred: boolean; explanation: string }[];
    };
    expect(report.kind).toBe('HAR from Chromium');
    expect(report.sockets.map((s) => [new URL(s.url).pathname, s.code, s.inferred])).toEqual([
      ['/ws/close', null, false],
      ['/ws/echo', null, false],
      ['/ws/terminate', null, false],
      ['/ws/close', null, false],
      ['/ws/status', 1006, true],
      ['/ws/bad-utf8', 1006, true],
    ]);
    expect(report.sockets[4]!.explanation).toMatch(/^Handshake failed, never opened: .*HTTP 403: forbidden/);
    expect(report.sockets[5]!.explanation).toMatch(
      /Chromium logged: Could not decode a text frame as UTF-8\.$/,
    );
  });

  it('reads what a Firefox DevTools HAR holds: the handshake status only', async () => {
    const r = await run('report', sample('firefox-devtools.har'), '--format', 'markdown');
    expect(r.status).toBe(0);
    expect(r.out).toContain('HAR from Firefox, 6 sockets, 1 abnormal, 5 with an unknown close');
    expect(r.out).toMatch(/\| 1006 \(inferred\) \| Abnormal Closure \|.*HTTP 403 Refused: forbidden/);
  });

  it('reads a close frame where a HAR has one', async () => {
    const har = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(sample('chromium-devtools.har'), 'utf8')),
    ) as {
      log: { entries: { _webSocketMessages: unknown[] }[] };
    };
    const body = Buffer.concat([Buffer.from([0x0f, 0xa1]), Buffer.from('session expired')]);
    har.log.entries[0]!._webSocketMessages.push({
      type: 'receive',
      time: 1,
      opcode: 8,
      data: body.toString('base64'),
    });
    const r = await run('report', await file('close-frame.har', JSON.stringify(har)), '--format', 'json');
    expect((JSON.parse(r.out) as { sockets: unknown[] }).sockets[0]).toMatchObject({
      code: 4001,
      reason: 'session expired',
      initiator: 'server',
      abnormal: false,
    });
  });

  it('says what the application protocol said before the close, from our JSON, HAR and CSV alike', async () => {
    const log = buildCloseLog(appProtocolFixture(), new Date('2026-11-24T12:00:00Z'));
    const paths = await Promise.all([
      file('app.json', JSON.stringify(log)),
      file('app.har', JSON.stringify(closeLogHar(log, '0.1.0'))),
      file('app.csv', closeLogCsv(log)),
    ]);
    const rows = await Promise.all(
      paths.map(
        async (p) =>
          (JSON.parse((await run('report', p, '--format', 'json')).out) as { sockets: Report['rows'] })
            .sockets,
      ),
    );
    const said = rows.map((r) => r.map((row) => row.application));
    expect(said[0]).toContainEqual(expect.stringMatching(/^Socket\.IO said: \S/));
    expect(said[0]?.filter((a) => a !== null)).toHaveLength(
      log.sockets.filter((x) => x.close?.application).length,
    );
    expect(said[1]).toEqual(said[0]);
    expect(said[2]).toEqual(said[0]);
    const socketIo = said[0]?.find((a) => a?.startsWith('Socket.IO')) ?? '';
    const table = (await run('report', paths[0])).out;
    expect(table).toContain(`\n   ${socketIo}\n`);
    const markdown = (await run('report', paths[0], '--format', 'markdown')).out;
    expect(markdown).toContain(`; ${socketIo.replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)}`);
  });

  it('never prints a token or a JWT the file holds, unless asked to', async () => {
    const log = readFileSync(sample('close-log.json'), 'utf8')
      .replace('/ws/terminate"', `/ws/terminate?access_token=${SESSION_TOKEN}"`)
      .replace('"reason": "done"', `"reason": "Bearer ${SESSION_JWT}"`);
    const withSecrets = await file('secrets.json', log);
    for (const format of ['table', 'markdown', 'json'])
      for (const path of [sample('chromium-devtools.har'), sample('firefox-devtools.har'), withSecrets]) {
        const { out } = await run('report', path, '--format', format);
        expect(out).toMatch(/\\?\[redacted\\?\]/);
        expect(out).not.toContain(SESSION_TOKEN);
        expect(out).not.toContain(SESSION_JWT.split('.')[2]);
      }
    const shown = await run(
      'report',
      sample('chromium-devtools.har'),
      '--format',
      'json',
      '--include-secrets',
    );
    expect(shown.out).toContain(SESSION_TOKEN);
    expect(JSON.parse(shown.out)).toMatchObject({ redaction: { applied: false } });
    const extra = await run('report', sample('chromium-devtools.har'), '--secret-name', 'room');
    expect(extra.out).toContain('room=[redacted]&token=[redacted]');
  });

  it('says in one line what is wrong with a bad file or option, with status 2 and no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['report', join(scratch, 'missing.json')], /Cannot open “missing\.json”: there is no such file\.$/],
      [['report', scratch], /: it is a folder\.$/],
      [['report', await file('page.html', '<html>hi</html>')], /Cannot open “page\.html”: it is not JSON \(/],
      [
        ['report', await file('other.json', '{"a":1}')],
        /it is neither a WebSocket close log .* nor a HAR file\.$/,
      ],
      [
        ['report', await file('v2.json', '{"format":"websocket-close-log","version":2}')],
        /version 2; this extension reads version 1\.$/,
      ],
      [
        ['report', await file('other.csv', 'id,url\n1,2\n')],
        /it is a CSV file without the close log's columns/,
      ],
      [
        ['report', sample('close-log.json'), '--format', 'xml'],
        /--format must be table, markdown, json \(see --help\)$/,
      ],
      [['report', sample('close-log.json'), '--fail-on', 'sometimes'], /--fail-on takes/],
      [['report', sample('close-log.json'), '--verbose'], /Unknown option '--verbose'/],
      [['report'], /report needs a file/],
      [['show', 'x'], /unknown command "show"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^websocket-close-inspector: /);
      expect(r.err[0]).toMatch(message);
      expect(r.err[0]).not.toMatch(/\n|\S+:\d+:\d+\)?$/);
    }
    const help = await run('--help');
    expect(help.status).toBe(0);
    expect(help.out).toMatch(/^Usage: websocket-close-inspector report <file>/);
  });
});
