import { expect, test } from './fixtures';
import type { CloseLog } from '../../src/export/close-log';
import { protocolById } from '../../src/protocols';
import { APP_PROTOCOL_SESSIONS } from '../fixtures/libraries/app-protocol-sessions';
import { SESSION_EXPECTATIONS, missingInOrder } from '../fixtures/libraries/app-protocol-expectations';
import type { PageDriver } from '../support/driver/driver';

/**
 * Real client libraries against real servers on 127.0.0.1 (socket.io, graphql-ws, mqtt.js with
 * aedes, @stomp/stompjs, sockjs) and against small servers written from their specification
 * (SignalR, Phoenix, Action Cable): the panel names each socket's protocol, decodes its messages
 * and puts the application's last goodbye beside what the browser reported.
 */

interface Row {
  id: string;
  state: string;
  protocol: string;
}

/** Runs in the panel. */
function readRows(): Row[] {
  return [...document.querySelectorAll('tr[data-socket-id]')].map((tr) => ({
    id: tr.getAttribute('data-socket-id') ?? '',
    state: tr.getAttribute('data-state') ?? '',
    protocol: tr.querySelector('[data-col="protocol"]')?.textContent ?? '',
  }));
}

/** Runs in the panel: the selected socket's message count, rows and decoded cells. */
function readMessages(id: string) {
  const selected = document.querySelector('tr.selected')?.getAttribute('data-socket-id') ?? null;
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) =>
    t.textContent?.startsWith('Messages'),
  );
  const cells = [...document.querySelectorAll('.message-row .m-decoded')];
  return {
    ready: selected === id && tab !== undefined,
    count: Number(/\((\d+)\)/.exec(tab?.textContent ?? '')?.[1] ?? -1),
    decoded: cells.map((c) =>
      [...c.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(''),
    ),
    errors: cells.filter((c) => c.classList.contains('error')).map((c) => c.textContent ?? ''),
  };
}

/** The decoded summaries of one socket's messages, once the log shows all of them. */
async function decodedOf(panel: PageDriver, id: string) {
  await panel.click(`tr[data-socket-id="${id}"]`);
  let read = await panel.evaluate(readMessages, id);
  await expect
    .poll(async () => {
      read = await panel.evaluate(readMessages, id);
      return read.ready && read.decoded.length === read.count;
    })
    .toBe(true);
  return read;
}

for (const session of APP_PROTOCOL_SESSIONS) {
  test(`${session.name}: the panel decodes real traffic and explains the application's goodbye`, async ({
    runLibrary,
    openPanel,
  }) => {
    const expected = SESSION_EXPECTATIONS[session.name];
    if (expected === undefined) throw new Error(`no expectations for ${session.name}`);
    const protocol = protocolById(expected.protocol);
    const { tabId } = await runLibrary(session);
    const panel = await openPanel(tabId, { size: [1280, 1100] });

    // Every socket of the session closed, each named by its protocol.
    let rows: Row[] = [];
    await expect
      .poll(async () => {
        rows = await panel.evaluate(readRows, null);
        return rows.length > 0 && rows.every((r) => r.state === 'closed');
      })
      .toBe(true);
    expect(rows.map((r) => r.protocol)).toEqual(rows.map(() => protocol?.shortName));

    // The message log's decoded column, socket by socket.
    await panel.click({ css: 'tr[data-socket-id]' });
    await panel.click({ css: '[role="tab"]', text: /^Messages/ });
    const summaries: string[] = [];
    for (const row of rows) {
      const read = await decodedOf(panel, row.id);
      expect(read.errors, `malformed in ${row.id}`).toEqual([]);
      summaries.push(...read.decoded);
    }
    expect(missingInOrder(summaries, expected.summaries), JSON.stringify(summaries)).toEqual([]);

    // The close of the socket that ends with the application's goodbye.
    const goodbye = rows[expected.goodbyeSocket ?? rows.length - 1];
    if (!goodbye) throw new Error('no socket for the goodbye');
    await panel.click(`tr[data-socket-id="${goodbye.id}"]`);
    await panel.click({ css: '[role="tab"]', text: 'Close' });
    await expect.poll(() => panel.text('[data-testid="app-goodbye"]')).toMatch(matcher(expected.appSaid));
    expect(await panel.text('[data-testid="app-said"] h4')).toBe(
      `What the application said (${protocol?.shortName})`,
    );
    if (expected.closeName) expect(await panel.text('.close-box h3')).toContain(expected.closeName);

    // The export says what the panel showed: protocol, decoded messages, the goodbye.
    const said = await panel.text('[data-testid="app-said"]');
    await panel.click('button[aria-label="More exports"]');
    const file = await panel.download(() =>
      panel.click({ css: '[role="menuitem"]', text: 'JSON close log with message previews' }),
    );
    const log = JSON.parse(file.text) as CloseLog;
    expect(log.sockets.map((s) => s.appProtocol?.id)).toEqual(rows.map(() => expected.protocol));
    const exported = log.sockets.flatMap((s) => s.messages?.map((m) => m.decoded?.summary ?? '') ?? []);
    expect(missingInOrder(exported, expected.summaries), JSON.stringify(exported)).toEqual([]);
    const close = log.sockets.find((s) => s.id === goodbye.id)?.close;
    if (close?.application) expect(said).toContain(close.application.explanation);
    else expect(await panel.text('[data-testid="app-goodbye"]')).toBe(`${close?.code} ${close?.name}`);

    // Imported again, the file shows the same goodbye.
    await panel.setInputFile('input[aria-label="Import a close log file"]', file);
    await expect.poll(() => panel.count('[data-testid="imported-banner"]')).toBe(1);
    await panel.click(`tr[data-socket-id="${goodbye.id}"]`);
    await panel.click({ css: '[role="tab"]', text: 'Close' });
    await expect.poll(() => panel.text('[data-testid="app-goodbye"]')).toMatch(matcher(expected.appSaid));
  });
}

function matcher(wanted: string | RegExp): RegExp {
  return typeof wanted === 'string'
    ? new RegExp(`^${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    : wanted;
}
