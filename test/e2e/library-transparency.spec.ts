import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { exportJson } from './panel-reader';
import type { LibraryServer } from '../fixtures/libraries/library-server';
import type { SessionWindow, Transcript } from '../fixtures/libraries/transcript';
import { startGraphqlWsServer } from '../fixtures/libraries/graphql-ws-server';
import { startReconnectingServer } from '../fixtures/libraries/reconnecting-websocket-server';
import { startSocketIoServer } from '../fixtures/libraries/socket-io-server';

/**
 * Real client libraries, bundled into a page, run one scripted session against their real
 * servers on 127.0.0.1 in Chromium without the extension and with it: what the library reports
 * (events, messages, close codes, reconnects) must be the same line for line, and the inspector
 * must have recorded every socket the library opened, closed as the page saw it.
 */
interface Library {
  name: string;
  start(): Promise<LibraryServer>;
  /** Lines the transcript must contain, so an empty or broken session cannot pass. */
  expected: string[];
  /** The close codes of the library's sockets, in the order they were opened. */
  codes: number[];
}

const LIBRARIES: Library[] = [
  {
    name: 'socket.io-client with a socket.io server',
    start: startSocketIoServer,
    expected: [
      'ack ["text",{"a":[1,2]},bytes[1,2,3]]',
      'news "headline" bytes[9,8,7] {"n":1}',
      'disconnect transport close code=1006 reason="" clean=false',
      'reconnect 1',
      'disconnect io server disconnect ',
      'disconnect io client disconnect ',
    ],
    codes: [1006, 1005, 1005],
  },
  {
    name: 'graphql-ws client with a graphql-ws server on ws',
    start: startGraphqlWsServer,
    expected: [
      'count next {"data":{"count":3}}',
      'main closed code=1006 reason="" clean=false',
      'main connected undefined retry=true',
      'dropped complete',
      'denied failed code=4403 reason="Forbidden" clean=true',
    ],
    // Lazy: a socket per operation, except that the failed query's socket is reused at once.
    codes: [1000, 1000, 1006, 1000, 4403],
  },
  {
    name: 'reconnecting-websocket against ws with server-side drops',
    start: startReconnectingServer,
    expected: [
      'close code=1006 reason="" clean=false retries=1',
      'close code=1012 reason="restart" clean=true retries=2',
      'open retries=2 state=1',
      'close code=1000 reason="done" clean=true retries=2',
    ],
    codes: [1006, 1012, 1000],
  },
];

async function runSession(page: Page, server: LibraryServer, run: string): Promise<Transcript> {
  await page.goto(`${server.http}/?run=${run}`);
  return page.evaluate(([base, r]) => (window as unknown as SessionWindow).runSession(base, r), [
    server.ws,
    run,
  ] as const);
}

for (const library of LIBRARIES) {
  test(`${library.name}: the same transcript with and without the extension`, async ({
    ext,
    plain,
    page,
  }) => {
    const server = await library.start();
    const plainPage = await plain.context.newPage();
    try {
      const without = await runSession(plainPage, server, `plain-${process.pid}`);
      const withExtension = await runSession(page, server, `ext-${process.pid}`);
      expect(withExtension).toEqual(without);
      for (const line of library.expected) expect(withExtension).toContain(line);

      const panel = await ext.openPanel(await ext.tabIdOf(page));
      await expect
        .poll(async () => (await exportJson(panel)).sockets.map((s) => s.close?.code ?? null))
        .toEqual(library.codes);
    } finally {
      await plainPage.close();
      await server.close();
    }
  });
}
