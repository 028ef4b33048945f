// The npm package as a user meets it: packed, installed from the tarball into a project outside
// the repository, its types checked there, a Playwright suite and a Puppeteer script run there,
// and its CLI run on our sample exports and on HARs saved by the browsers' DevTools. The scratch
// project links the repository's Playwright, Puppeteer and ws instead of downloading them (the
// network is closed but for the npm registry); the package's own dependency comes from npm.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { findChromium } from '../support/chromium';
import { findFirefox } from '../support/firefox';

const root = resolve(import.meta.dirname, '../..');
const samples = join(root, 'docs/samples');
const LINKED = [
  '@playwright/test',
  'playwright',
  'playwright-core',
  'puppeteer-core',
  'ws',
  '@types/node',
  '@types/ws',
];

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, whatever its exit status. */
async function run(cwd: string, file: string, args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, {
      cwd,
      env: { ...process.env, CHROME_PATH: findChromium(), FIREFOX_PATH: findFirefox() },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout = '', stderr = '' } = e as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof code === 'number' ? code : -1, stdout, stderr };
  }
}

test.describe.configure({ mode: 'serial' });
let scratch: string;
const node = (...args: string[]) => run(scratch, process.execPath, args);
const cli = (...args: string[]) =>
  node(join(scratch, 'node_modules/websocket-close-inspector/cli.js'), ...args);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  scratch = await mkdtemp(join(tmpdir(), 'wsci-scratch-'));
  const pack = await run(root, 'npm', [
    'pack',
    join(root, 'dist/npm'),
    '--json',
    '--pack-destination',
    scratch,
  ]);
  expect(pack.status, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'qa-suite', private: true, type: 'module' }),
  );
  const install = await run(scratch, 'npm', [
    'install',
    join(scratch, filename),
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
  ]);
  expect(install.status, install.stderr).toBe(0);
  for (const name of LINKED) {
    await mkdir(join(scratch, 'node_modules', name, '..'), { recursive: true });
    await symlink(join(root, 'node_modules', name), join(scratch, 'node_modules', name));
  }
  await cp(join(import.meta.dirname, 'scratch'), scratch, { recursive: true });
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('installs with one dependency, and its types check in a NodeNext project, a generated replay test among them', async () => {
  // tsc checks every declaration file it reads (Playwright's, Puppeteer's, ours): on a busy
  // machine that alone can take most of a minute.
  test.setTimeout(120_000);
  const installed = JSON.parse(
    await readFile(join(scratch, 'node_modules/websocket-close-inspector/package.json'), 'utf8'),
  ) as { dependencies: Record<string, string> };
  expect(Object.keys(installed.dependencies)).toEqual(['valibot']);
  // Not a *.spec.ts: type-checked here, not run by the scratch suite (it has no app to replay).
  const replay = await cli(
    'replay',
    join(samples, 'close-log.har'),
    '--out',
    join(scratch, 'replay.generated.ts'),
  );
  expect(replay.stderr).toBe(
    'websocket-close-inspector: wrote a replay of 4 sockets to ' +
      join(scratch, 'replay.generated.ts') +
      '\n',
  );
  const tsc = await node(join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json');
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});

test('a Playwright suite passes on a clean flow and fails on a 1006 with a readable message', async () => {
  const suite = await node(join(scratch, 'node_modules/@playwright/test/cli.js'), 'test', '--workers=1');
  expect(suite.status).toBe(1);
  interface Spec {
    title: string;
    tests: {
      results: { status: string; errors: { message?: string }[]; attachments: { name: string }[] }[];
    }[];
  }
  const report = JSON.parse(await readFile(join(scratch, 'report.json'), 'utf8')) as {
    suites: { specs: Spec[] }[];
  };
  const result = (title: string) =>
    report.suites[0]?.specs.find((s) => s.title === title)?.tests[0]?.results[0];
  const clean = result('a clean flow has no abnormal closes');
  expect(clean?.status, JSON.stringify(clean?.errors)).toBe('passed');
  const failed = result('a flow whose connection drops');
  expect(failed?.status).toBe('failed');
  const message = failed?.errors[0]?.message ?? '';
  expect(message).toContain('Expected no abnormal WebSocket closes; 1 of 1 socket closed abnormally:');
  expect(message).toMatch(/ws:\/\/127\.0\.0\.1:\d+\/ws\/drop\?token=\[redacted\]\n/);
  expect(message).toContain('1006 Abnormal Closure, no reason, unclean, closed by network');
  expect(message).toContain('Connection dropped after opening: no close frame');
  expect(message).not.toContain('s3cr3t-T0ken');
  expect(failed?.attachments.map((a) => a.name)).toContain('websocket-close-log.json');
});

test('Puppeteer records in Firefox over WebDriver BiDi, and its matchers say what closed', async () => {
  const script = await node(join(root, 'node_modules/tsx/dist/cli.mjs'), 'puppeteer-firefox.ts');
  expect(script.stderr).toBe('');
  const out = JSON.parse(script.stdout) as {
    closed: boolean;
    noAbnormal: boolean;
    message: string;
    codes: number[];
  };
  expect(out).toMatchObject({ closed: true, noAbnormal: false, codes: [1006] });
  expect(out.message).toContain('1006 Abnormal Closure, no reason, unclean, closed by network');
});

test('the CLI reports on our exports and on DevTools HARs, fails CI on request, and refuses bad files in one line', async () => {
  const json = await cli('report', join(samples, 'close-log.json'));
  expect(json.status).toBe(0);
  expect(json.stdout).toMatch(
    /^close-log\.json: JSON close log, 4 sockets, 1 abnormal \(secrets redacted\)\n/,
  );
  expect(json.stdout).toMatch(
    /1006 +Abnormal Closure +no +network +ws:\S+\/ws\/terminate +ABNORMAL\n +Connection dropped/,
  );
  expect((await cli('report', join(samples, 'close-log.csv'), '--fail-on', 'abnormal')).status).toBe(1);
  const har = await cli('report', join(samples, 'chromium-devtools.har'), '--format', 'markdown');
  expect(har.status).toBe(0);
  expect(har.stdout).toContain('HAR from Chromium, 6 sockets, 2 abnormal, 4 with an unknown close');
  expect(har.stdout).toContain('token=\\[redacted\\]');
  expect(har.stdout).not.toContain('s3cr3t-T0ken');
  const firefox = await cli('report', join(samples, 'firefox-devtools.har'), '--fail-on', '1006');
  expect(firefox.status).toBe(1);
  expect(firefox.stderr).toBe('websocket-close-inspector: 1 of 6 sockets match --fail-on 1006\n');
  const bad = await cli('report', join(root, 'package.json'));
  expect(bad).toEqual({
    status: 2,
    stdout: '',
    stderr:
      'websocket-close-inspector: Cannot open “package.json”: it is neither a WebSocket close log (no "format": "websocket-close-log") nor a HAR file.\n',
  });
});
