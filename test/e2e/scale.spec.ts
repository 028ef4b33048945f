import { expect, test } from './fixtures';
import { exportJson } from './panel-reader';
import { startScenarioServer } from '../fixtures/scenario-server';

test('5,000 sockets in one page are all listed, each with its own close', async ({ open, ext }) => {
  test.setTimeout(180_000);
  const COUNT = 5_000;
  // Chromium opens one socket per host and port at a time, and slows a page down that has many
  // pending: one socket at a time to each of 8 servers takes seconds instead of minutes.
  const servers = await Promise.all(Array.from({ length: 8 }, () => startScenarioServer()));
  const { page, tabId } = await open('blank.html');
  const live = await ext.openPanel(tabId);
  // Each server closes with 4000-4999 in turn, with the socket's number as the reason.
  const codes = await page.evaluate(
    async ([bases, count]) => {
      const seen = new Array<number>(count);
      let next = 0;
      const lane = async (base: string) => {
        while (next < count) {
          const i = next++;
          seen[i] = await new Promise<number>(
            (resolve) =>
              (new WebSocket(`${base}/ws/close?code=${4000 + (i % 1000)}&reason=s${i}`).onclose = (e) =>
                resolve(e.code)),
          );
        }
      };
      await Promise.all(bases.map(lane));
      return seen;
    },
    [servers.map((s) => s.ws), COUNT] as const,
  );
  await Promise.all(servers.map((s) => s.close()));
  expect(codes).toEqual(Array.from({ length: COUNT }, (_, i) => 4000 + (i % 1000)));

  const byReason = (log: Awaited<ReturnType<typeof exportJson>>) =>
    new Map(log.sockets.map((s) => [s.close?.reason, s.close?.code]));
  const expected = new Map(codes.map((code, i) => [`s${i}`, code]));
  // The panel that watched it live, and one opened afterwards from the page's history.
  await expect
    .poll(async () => (await exportJson(live)).sockets.filter((s) => s.state === 'closed').length, {
      timeout: 60_000,
    })
    .toBe(COUNT);
  expect(byReason(await exportJson(live))).toEqual(expected);
  const late = await ext.openPanel(tabId);
  await expect.poll(async () => (await exportJson(late)).sockets.length, { timeout: 60_000 }).toBe(COUNT);
  expect(byReason(await exportJson(late))).toEqual(expected);
  await expect(late.getByTestId('summary')).toContainText(`${COUNT} sockets`);
});

test('a 64 MiB message each way, text and binary, is counted exactly and reaches the page intact', async ({
  open,
  ext,
  server,
}) => {
  test.setTimeout(120_000);
  const { page, tabId } = await open('blank.html');
  const panel = await ext.openPanel(tabId);
  const MiB = 1024 * 1024;
  const echoed = await page.evaluate(
    async ([url, size]) => {
      const roundTrip = (payload: string | Uint8Array) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          ws.onopen = () => ws.send(payload);
          ws.onmessage = (e) => {
            // Exact length, and the bytes at both ends and in the middle, as the page sent them.
            const data = e.data as string | ArrayBuffer;
            const at = (i: number) =>
              typeof data === 'string' ? data.charCodeAt(i) : new Uint8Array(data)[i];
            const length = typeof data === 'string' ? data.length : data.byteLength;
            ws.close(1000);
            resolve(`${typeof data} ${length} ${at(0)} ${at(length >> 1)} ${at(length - 1)}`);
          };
        });
      const text = 'a' + 'b'.repeat(size - 2) + 'c';
      const bytes = new Uint8Array(size).fill(7);
      bytes[0] = 1;
      bytes[size - 1] = 9;
      return [await roundTrip(text), await roundTrip(bytes)];
    },
    [`${server.ws}/ws/echo`, 64 * MiB] as const,
  );
  expect(echoed).toEqual([`string ${64 * MiB} 97 98 99`, `object ${64 * MiB} 1 7 9`]);

  const exact = { messages: 1, bytes: 64 * MiB };
  await expect
    .poll(async () => (await exportJson(panel)).sockets.map((s) => [s.sent, s.received, s.close?.code]))
    .toEqual([
      [exact, exact, 1000],
      [exact, exact, 1000],
    ]);
});
