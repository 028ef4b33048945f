import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/automation/cli/main';
import { startLibraryServer } from '../fixtures/libraries/library-server';
import { startSocketIoServer } from '../fixtures/libraries/socket-io-server';
import type { Transcript } from '../fixtures/libraries/transcript';
import { findChromium } from '../support/chromium';
import { expect, test } from './fixtures';
import { exportAs, readRows } from './panel-reader';

const root = resolve(import.meta.dirname, '../..');

/** The generated test's lines without its header comment (which names its source and time). */
const body = (source: string) => source.slice(source.indexOf('\nimport '));

/** Runs a generated test the way a developer would, in a project that has the npm package. */
async function runGenerated(dir: string, appUrl: string): Promise<{ passed: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        '--workers=1',
        '--reporter=line',
        '-c',
        dir,
      ],
      { cwd: dir, env: { ...process.env, APP_URL: appUrl, CHROME_PATH: findChromium(), REPLAY_SPEED: '1' } },
    );
    return { passed: true, output: stdout + stderr };
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    return { passed: false, output: stdout + stderr };
  }
}

test('a socket.io session that dropped, exported as a test, replays with its server gone: same codes, counts and order', async ({
  ext,
}) => {
  test.setTimeout(180_000);
  const io = await startSocketIoServer();
  const app = await startLibraryServer(
    new URL('../fixtures/replay/socket-io-app.ts', import.meta.url),
    () => () => {},
  );
  try {
    const appUrl = `${app.http}/?io=${encodeURIComponent(io.http)}`;
    const page = await ext.context.newPage();
    await page.goto(appUrl);
    const transcript = await page.evaluate(
      () => (window as unknown as { transcript: Promise<Transcript> }).transcript,
    );
    expect(transcript).toContain('disconnect transport close code=1006 reason="" clean=false');
    const panel = await ext.openPanel(await ext.tabIdOf(page));
    await expect
      .poll(async () => (await readRows(panel)).map((r) => r.state))
      .toEqual(['closed', 'closed', 'closed']);

    // The same test from the panel and from the CLI on the panel's JSON export.
    const fromPanel = await exportAs(panel, /^Playwright test that replays the server/);
    expect(fromPanel.name).toMatch(/^websocket-replay-.*\.spec\.ts$/);
    const json = await exportAs(panel, /^JSON close log with message previews/);
    // A project of the developer's, outside the repository; Playwright and ws linked, not downloaded.
    const dir = await mkdtemp(join(tmpdir(), 'wsci-replay-'));
    for (const name of ['@playwright/test', 'playwright', 'playwright-core', 'ws', 'valibot']) {
      await mkdir(join(dir, 'node_modules', name, '..'), { recursive: true });
      await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name));
    }
    await writeFile(join(dir, 'recording.json'), json.text);
    let fromCli = '';
    expect(
      await main(['replay', join(dir, 'recording.json')], { out: (t) => (fromCli += t), err: () => {} }),
    ).toBe(0);
    expect(body(fromCli)).toBe(body(fromPanel.text));
    // Three sockets: dropped (1006); kicked, which socket.io-client answers by closing (1005); closed by the app (1005).
    expect(fromPanel.text.match(/end: \{ \w+/g)).toEqual([
      'end: { drop',
      'end: { pageCloses',
      'end: { pageCloses',
    ]);

    await io.close();
    // Installed as npm would: a copy (Playwright would compile a linked one as the project's own code).
    await cp(join(root, 'dist/npm'), join(dir, 'node_modules/websocket-close-inspector'), {
      recursive: true,
    });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'qa', private: true, type: 'module' }));
    await writeFile(
      join(dir, 'playwright.config.ts'),
      await readFile(join(root, 'test/package/scratch/playwright.config.ts'), 'utf8'),
    );
    await writeFile(join(dir, 'replay.spec.ts'), fromPanel.text);
    const replayed = await runGenerated(dir, appUrl);
    expect(replayed.output).toContain('1 passed');
    expect(replayed.passed, replayed.output).toBe(true);

    // The comparison can fail: the same test, told the first socket closed cleanly, does.
    await writeFile(
      join(dir, 'replay.spec.ts'),
      fromPanel.text.replace(
        /end: \{ drop: true, after: (\d+) \}/,
        'end: { close: { code: 4000, reason: "" }, after: $1 }',
      ),
    );
    const wrong = await runGenerated(dir, appUrl);
    expect(wrong.passed, wrong.output).toBe(false);
    expect(wrong.output).toContain('the 1st socket to 127.0.0.1');
    expect(wrong.output).toContain('closed 4000 \\"\\", recorded 1006 \\"\\" (unclean)');
  } finally {
    await io.close().catch(() => {});
    await app.close();
  }
});
