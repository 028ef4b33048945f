// What Chromium's own DevTools HAR holds of WebSocket closes, measured live (the committed
// docs/samples/chromium-devtools.har was made the same way), and what the CLI's report makes of
// it, against what the page's own close events said.
import { expect, test } from '@playwright/test';
import { reportOf } from '../../src/automation/cli/read-report';
import { chromiumDevtoolsHar } from '../../scripts/devtools-har/chromium-har';
import type { SessionClose } from '../../scripts/devtools-har/session';
import { startScenarioServer } from '../fixtures/scenario-server';

test('a Chromium DevTools HAR has no close frames; the report infers only the 1006s it can prove', async () => {
  const server = await startScenarioServer();
  try {
    const { har, closes } = await chromiumDevtoolsHar(server);
    const saw = JSON.parse(closes) as SessionClose[];
    const entries = (JSON.parse(har) as { log: { entries: { _webSocketMessages: { opcode: number }[] }[] } })
      .log.entries;
    expect(entries).toHaveLength(saw.length);
    // If this fails, Chromium started writing close frames: docs/samples/README.md needs redoing.
    expect(entries.flatMap((e) => e._webSocketMessages.map((m) => m.opcode)).filter((o) => o === 8)).toEqual(
      [],
    );

    const read = reportOf('live.har', har);
    if (!read.ok) throw new Error(read.error);
    const byUrl = new Map(read.report.rows.map((r) => [r.url, r]));
    for (const page of saw) {
      const row = byUrl.get(page.url);
      // Known closes are the page's own 1006s: a handshake that failed or a connection the browser failed.
      if (row?.code !== null) expect([page.url, row?.code]).toEqual([page.url, page.code]);
    }
    // The session opens its sockets at once: DevTools lists them in whatever order they started.
    const inferred = read.report.rows.filter((r) => r.code === 1006).map((r) => new URL(r.url).pathname);
    expect(inferred.sort()).toEqual(['/ws/bad-utf8', '/ws/status']);
  } finally {
    await server.close();
  }
});
