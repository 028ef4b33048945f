import { expect, test } from './fixtures';
import type { AppProtocolSession } from '../fixtures/libraries/app-protocol-sessions';
import { startSocketIoStallServer } from '../fixtures/libraries/socket-io-stall-server';
import type { PageDriver } from '../support/driver/driver';

const STALL: AppProtocolSession = {
  name: 'socket-io-stall',
  source: 'socket.io-client 4.8.4 with an Engine.IO endpoint that stops pinging, then drops',
  start: startSocketIoStallServer,
};

/** Wide enough for the table to keep its Protocol column beside the details. */
const WIDE: [number, number] = [2000, 900];

/** The session's one socket, closed, selected in a panel of its tab. */
async function panelOnStalledSocket(
  runLibrary: (s: AppProtocolSession) => Promise<{ tabId: number; transcript: string[] }>,
  openPanel: (tabId: number, o?: { size?: [number, number] }) => Promise<PageDriver>,
): Promise<{ panel: PageDriver; tabId: number }> {
  const { tabId, transcript } = await runLibrary(STALL);
  expect(transcript).toEqual(['connect', 'disconnect transport close']);
  const panel = await openPanel(tabId, { size: WIDE });
  await expect.poll(() => panel.count('tr[data-socket-id][data-state="closed"]')).toBe(1);
  await panel.click('tr[data-socket-id]');
  return { panel, tabId };
}

const protocolCell = (panel: PageDriver) => panel.text('tr[data-socket-id] [data-col="protocol"]');

test("a drop after the protocol's heartbeats stopped says so", async ({ runLibrary, openPanel }) => {
  const { panel } = await panelOnStalledSocket(runLibrary, openPanel);
  await expect
    .poll(() => panel.text('.close-box .headline'))
    .toMatch(/^Connection dropped after missed heartbeats: no Socket\.IO ping for 1(\.\d)? s$/);
  expect(await panel.text('[data-testid="app-said"] .heartbeat-missed')).toMatch(
    /^No Socket\.IO ping for 1(\.\d)? s before the drop; the server pings every 0\.2 s and the client gives up after 20 s\.$/,
  );
  expect(await panel.text('.close-box h3')).toContain('1006');
});

test('the log filters by decoded type, and Decode as sticks for the endpoint', async ({
  runLibrary,
  openPanel,
}) => {
  const { panel, tabId } = await panelOnStalledSocket(runLibrary, openPanel);
  expect(await protocolCell(panel)).toBe('Socket.IO');
  await panel.click({ css: '[role="tab"]', text: /^Messages/ });
  await panel.fill('input.decoded-filter', 'ping');
  await expect.poll(() => panel.count('.message-row')).toBe(2);
  expect(await panel.text('[data-testid="match-note"]')).toBe(
    '2 of 7 messages decode to a type or event with “ping”',
  );

  await panel.select('select.decode-as', 'none');
  await expect.poll(() => protocolCell(panel)).toBe('');
  expect(await panel.count('.m-decoded')).toBe(0);
  // Remembered for the endpoint: a new panel decodes it as chosen.
  const again = await openPanel(tabId, { size: WIDE });
  await expect.poll(() => again.count('tr[data-socket-id]')).toBe(1);
  expect(await protocolCell(again)).toBe('');
  await again.click('tr[data-socket-id]');
  await again.select('select.decode-as', 'auto');
  await expect.poll(() => protocolCell(again)).toBe('Socket.IO');
});
