import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SECRET_NAMES, redactor } from '../../export/redaction';
import { parseFailOn } from './fail-on';
import { readReport } from './read-report';
import { renderMarkdown } from './render-markdown';
import { renderTable } from './render-table';
import { replayCommand } from './replay-command';
import type { Report } from './report-row';

export const USAGE = `Usage: websocket-close-inspector report <file> [options]
       websocket-close-inspector replay <close-log.json> [--out FILE] [--socket ID]...

report: reads a WebSocket close log (the JSON, HAR or CSV WebSocket Close Inspector exports) or
a HAR saved by Chrome's or Firefox's DevTools, and prints how each socket closed and why.

replay: writes a Playwright test in which a local server answers the app's sockets as the
recorded server did (its messages, gaps and ending); it passes when the app meets the same run.
Export the log with message previews. --out writes it to FILE (stdout otherwise); --socket
takes only that socket id (repeatable).

Options:
  --format table|markdown|json  table (default) for a terminal, markdown to paste into a bug,
                                json for other tools
  --fail-on abnormal|CODES      exit 1 when a socket closed abnormally, or with one of the codes:
                                1006,1011 or 4000-4999 (both: abnormal,4000-4999)
  --include-secrets             print tokens in URLs and reasons as they are (redacted by default)
  --secret-name NAME            redact the values of parameters named NAME too (repeatable)
  -h, --help                    this text

Exit status: 0 done, 1 a socket matched --fail-on, 2 a wrong file or option.`;

export interface Io {
  out(text: string): void;
  err(line: string): void;
}

const FORMATS = ['table', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];
const isFormat = (f: string): f is Format => FORMATS.some((x) => x === f);

/** The CLI: returns the exit status; every failure is one line on `err`, never a stack trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  const usage = (why: string) => {
    io.err(`websocket-close-inspector: ${why} (see --help)`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string' },
        'include-secrets': { type: 'boolean', default: false },
        'secret-name': { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        socket: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // Node's parse errors go on with advice about '--': the first sentence says what is wrong.
    return usage(e instanceof Error ? (e.message.split(/\.\s/)[0] ?? e.message) : 'bad options');
  }
  const { values, positionals } = args;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'report' && command !== 'replay')
    return usage(command ? `unknown command "${command}"` : 'no command');
  if (!file) return usage(`${command} needs a file`);
  if (extra.length > 0) return usage(`one file at a time (also got ${extra.join(' ')})`);
  const names = [...DEFAULT_SECRET_NAMES, ...values['secret-name']];
  if (command === 'replay') {
    const done = await replayCommand(
      {
        file,
        out: values.out,
        sockets: values.socket,
        redaction: { redact: !values['include-secrets'], names },
      },
      new Date(),
    );
    if (!done.ok) {
      io.err(`websocket-close-inspector: ${done.error}`);
      return 2;
    }
    if (values.out === undefined) io.out(done.text);
    else io.err(`websocket-close-inspector: wrote a replay of ${done.sockets} sockets to ${values.out}`);
    return 0;
  }
  const format = values.format;
  if (!isFormat(format)) return usage(`--format must be ${FORMATS.join(', ')}`);
  const failOnSpec = values['fail-on'];
  const failOn = failOnSpec === undefined ? null : parseFailOn(failOnSpec);
  if (failOnSpec !== undefined && !failOn)
    return usage(`--fail-on takes "abnormal" or codes like 1006,4000-4999`);

  const read = await readReport(file);
  if (!read.ok) {
    io.err(`websocket-close-inspector: ${read.error}`);
    return 2;
  }
  const redact = !values['include-secrets'];
  const r = redactor({ redact, names });
  const report: Report = {
    ...read.report,
    rows: read.report.rows.map((row) => ({
      url: r.url(row.url),
      state: row.state,
      code: row.code,
      inferred: row.inferred,
      name: row.name,
      reason: r.text(row.reason),
      wasClean: row.wasClean,
      initiator: row.initiator,
      abnormal: row.abnormal,
      injected: row.injected,
      explanation: r.text(row.explanation),
      application: row.application === null ? null : r.text(row.application),
    })),
  };
  const failed = failOn ? report.rows.filter(failOn) : [];
  const name = basename(file);
  if (format === 'table') io.out(renderTable(name, report, redact));
  else if (format === 'markdown') io.out(renderMarkdown(name, report, redact));
  else
    io.out(
      `${JSON.stringify(
        {
          file: name,
          kind: report.kind,
          note: report.note,
          redaction: r.record,
          failOn: failOnSpec ?? null,
          failed: failed.length,
          sockets: report.rows,
        },
        null,
        2,
      )}\n`,
    );
  if (failed.length === 0) return 0;
  io.err(
    `websocket-close-inspector: ${failed.length} of ${report.rows.length} sockets match --fail-on ${failOnSpec}`,
  );
  return 1;
}
