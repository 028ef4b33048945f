import { expect, test } from './fixtures';
import { closedRow, exportJson, readRows } from './panel-reader';
import { PAGE_TO_RELAY, PROTOCOL_VERSION, RELAY_TO_PAGE, pageHeader } from '../../src/protocol/envelope';
import { SYNC_REQUEST } from '../../src/protocol/sync-request';
import { watchSocket } from '../support/page-scripts';

test('a page forging 2,000 malformed messages on the recorder channel breaks nothing; only well-formed ones are listed', async ({
  open,
  ext,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  const forged = await page.evaluate(
    ([toRelay, toPage, header, sync, v]) => {
      const valid = { source: 'websocket-close-inspector', v, type: 'events', doc: 'forged' };
      // Page-channel strings: the protocol header, then JSON.
      const JSON = { stringify: (value: unknown) => header + globalThis.JSON.stringify(value) };
      const makers: (() => unknown)[] = [
        () => ({ an: 'object' }),
        () => 42,
        () => null,
        () => 'not json {',
        () => '"a json string"',
        () => `${header}not json {`,
        () => JSON.stringify({ ...valid, v: 99, events: [] }),
        () => JSON.stringify({ ...valid, source: 'impostor', events: [] }),
        () =>
          JSON.stringify({
            ...valid,
            events: [
              { type: 'created', socket: -1, seq: 1, t: 0, url: 'ws://x', frameUrl: '', protocols: [] },
            ],
          }),
        () =>
          JSON.stringify({
            ...valid,
            events: [{ type: 'closed', socket: 1, seq: 1, t: 0, code: 99999, reason: '', wasClean: true }],
          }),
        () =>
          JSON.stringify({
            ...valid,
            events: [
              {
                type: 'message',
                socket: 1,
                seq: 1,
                t: 0,
                dir: 'up',
                kind: 'text',
                jsType: 'string',
                size: 1,
                preview: '<b>',
                truncated: false,
              },
            ],
          }),
        () =>
          JSON.stringify({ ...valid, type: 'snapshot', lastSeq: 1, sockets: [{ id: 'x' }], messages: [] }),
        () => JSON.stringify({ ...valid, events: 'not an array' }),
        () =>
          JSON.stringify({
            ...valid,
            events: [
              {
                type: 'created',
                socket: 1,
                seq: 1,
                t: 0,
                url: 'x'.repeat(9000),
                frameUrl: '',
                protocols: [],
              },
            ],
          }),
      ];
      for (let i = 0; i < 2000; i++)
        document.dispatchEvent(new CustomEvent(toRelay, { detail: makers[i % makers.length]!() }));
      // Forged sync requests only make the recorder send its (harmless) history again.
      for (let i = 0; i < 50; i++) document.dispatchEvent(new CustomEvent(toPage, { detail: sync }));
      return 2000;
    },
    [
      PAGE_TO_RELAY,
      RELAY_TO_PAGE,
      pageHeader(PROTOCOL_VERSION),
      JSON.stringify(SYNC_REQUEST),
      PROTOCOL_VERSION,
    ] as const,
  );
  await expect(panel.getByTestId('rejected')).toHaveText(`${forged} malformed page messages ignored`);
  expect(await readRows(panel)).toEqual([]);

  // A well-formed forgery is, by construction, what the recorder itself would send: the page
  // owns its own history, so it is listed like any socket, and nothing else is disturbed.
  await page.evaluate(
    ([toRelay, header, v]) => {
      const created = {
        type: 'created',
        socket: 1,
        seq: 1,
        t: Date.now(),
        url: 'ws://forged.test/',
        frameUrl: location.href,
        protocols: [],
      };
      const batch = {
        source: 'websocket-close-inspector',
        v,
        type: 'events',
        doc: 'forged',
        events: [created],
      };
      document.dispatchEvent(new CustomEvent(toRelay, { detail: header + JSON.stringify(batch) }));
    },
    [PAGE_TO_RELAY, pageHeader(PROTOCOL_VERSION), PROTOCOL_VERSION] as const,
  );
  await expect.poll(async () => (await readRows(panel)).map((r) => r.url)).toEqual(['ws://forged.test/']);
  await expect(panel.getByTestId('rejected')).toHaveText(`${forged} malformed page messages ignored`);

  // The extension still works for the page's real sockets.
  const url = `${server.ws}/ws/close?code=1000`;
  const { code } = await page.evaluate(watchSocket, { url });
  expect(code).toBe(1000);
  await closedRow(panel, url);
  expect(await readRows(panel)).toHaveLength(2);
});

test('messages of many MiB are counted exactly, text and binary', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const MiB = 1024 * 1024;
  const sizes = await page.evaluate(
    async ([ws, bytes]) => {
      const receive = (binary: boolean) =>
        new Promise<number>((resolve) => {
          const s = new WebSocket(`${ws}/ws/big?bytes=${bytes}&binary=${binary ? 1 : 0}`);
          s.binaryType = 'arraybuffer';
          s.onmessage = (e) => {
            resolve(typeof e.data === 'string' ? e.data.length : (e.data as ArrayBuffer).byteLength);
            s.close();
          };
        });
      return [await receive(false), await receive(true)];
    },
    [server.ws, 24 * MiB] as const,
  );
  expect(sizes).toEqual([24 * MiB, 24 * MiB]);

  const panel = await ext.openPanel(tabId);
  await expect.poll(async () => (await readRows(panel)).filter((r) => r.state === 'closed').length).toBe(2);
  const log = await exportJson(panel);
  expect(log.sockets.map((s) => s.received)).toEqual([
    { messages: 1, bytes: 24 * MiB },
    { messages: 1, bytes: 24 * MiB },
  ]);
});

test('HTML in URLs, reasons and payloads renders as inert text', async ({ open, ext, server }) => {
  const { page, tabId } = await open('blank.html');
  const html = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  const url = `${server.ws}/ws/close?after=message&code=4000&reason=${encodeURIComponent(html)}&q=${encodeURIComponent(html)}`;
  const reason = await page.evaluate(
    ([u, payload]) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(u);
        ws.onopen = () => ws.send(payload);
        ws.onclose = (e) => resolve(e.reason);
      }),
    [url, html] as const,
  );
  expect(reason).toBe(html);

  const panel = await ext.openPanel(tabId);
  const row = await closedRow(panel, new URL(url).href);
  expect(row.reason).toBe(html);
  await panel.locator('tr[data-socket-id]').first().click();
  await expect(panel.locator('.details')).toContainText(html);
  expect(await panel.locator('main img, main script').count()).toBe(0);
  expect(await panel.title()).toBe('WebSocket Close Inspector');
});
