import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startReplay } from '../../../src/automation/replay/replay-server';
import type { Replay } from '../../../src/automation/replay/replay-server';
import { replayPlan } from '../../../src/replay/replay-plan';
import { replayUrl } from '../../../src/replay/replay-routes';
import { ev } from '../event-builders';
import { at, recordedLog } from './recorded-log';

interface Seen {
  messages: string[];
  close: { code: number; reason: string } | null;
  status: number | null;
  error: boolean;
}

/** A real client on the stand-in: what it received, how it ended; it sends `send` once open. */
function client(url: string, send: string[] = [], protocols: string[] = []): Promise<Seen> {
  return new Promise((resolve) => {
    const seen: Seen = { messages: [], close: null, status: null, error: false };
    const ws = new WebSocket(url, protocols);
    ws.on('open', () => send.forEach((m) => ws.send(m)));
    ws.on('message', (data, binary) =>
      seen.messages.push(binary ? `hex:${(data as Buffer).toString('hex')}` : (data as Buffer).toString()),
    );
    ws.on('unexpected-response', (_req, res) => {
      seen.status = res.statusCode ?? null;
      resolve(seen);
    });
    ws.on('error', () => (seen.error = true));
    ws.on('close', (code, reason) => {
      seen.close = { code, reason: String(reason) };
      resolve(seen);
    });
  });
}

let replay: Replay | null = null;
afterEach(async () => {
  await replay?.stop();
  replay = null;
});

describe('startReplay, with a real client', () => {
  it('answers as the recording did: after the page message, the payloads (supplied ones first), then the close', async () => {
    const log = recordedLog([
      at(1000, ev.created(1, 1, 'wss://app.test/live?token=a')),
      at(1001, ev.open(1, 2)),
      at(1002, ev.message(1, 3, 'welcome', 'received')),
      at(1003, ev.message(1, 4, 'subscribe', 'sent')),
      at(1004, ev.message(1, 5, 'x'.repeat(4), 'received')),
      { ...at(1005, ev.message(1, 6, 'cafe', 'received')), kind: 'binary', jsType: 'ArrayBuffer', size: 2 },
      at(1006, ev.closed(1, 7, 4002, true, 'kicked')),
    ]);
    Object.assign(log.sockets[0]?.messages?.[2] ?? {}, { truncated: true, size: 10 });
    const plan = replayPlan(log);
    replay = await startReplay(plan.sockets, { payloads: { 'd:1#2': 'the whole' } });
    const seen = await client(replayUrl(replay.url, 0, 'wss://app.test/live?token=b'), ['subscribe']);
    expect(seen.messages).toEqual(['welcome', 'the whole', 'hex:cafe']);
    expect(seen.close).toEqual({ code: 4002, reason: 'kicked' });
    await replay.finished(5000);
  });

  it('waits for the page: without its message, the server says nothing more, and finished() says why', async () => {
    const plan = replayPlan(
      recordedLog([
        ev.created(1, 1, 'wss://app.test/live'),
        ev.open(1, 2),
        ev.message(1, 3, 'ping', 'sent'),
        ev.message(1, 4, 'pong', 'received'),
      ]),
    );
    replay = await startReplay(plan.sockets);
    const ws = new WebSocket(replayUrl(replay.url, 0, 'wss://app.test/live'));
    const got: string[] = [];
    ws.on('message', (d: Buffer) => got.push(d.toString()));
    await new Promise((r) => ws.on('open', r));
    await expect(replay.finished(300)).rejects.toThrow(
      "The replay did not finish in 300 ms:\nsocket 1 to app.test/live: waits for the page's message 1; it has sent 0",
    );
    expect(got).toEqual([]);
    ws.send('ping');
    await replay.finished(5000);
    await expect.poll(() => got).toEqual(['pong']);
    ws.close();
  });

  it('drops, refuses with the recorded status or without an answer, and refuses sockets the recording lacks', async () => {
    const log = recordedLog([
      ev.created(1, 1, 'wss://app.test/a'),
      ev.open(1, 2),
      ev.closed(1, 3, 1006, false),
      ev.created(2, 4, 'wss://app.test/a'),
      ev.error(2, 5),
      ev.closed(2, 6, 1006, false),
      ev.created(3, 7, 'wss://app.test/b'),
      ev.error(3, 8),
      ev.closed(3, 9, 1006, false),
    ]);
    const second = log.sockets[1];
    if (second)
      second.handshake = {
        requestId: '1',
        frameId: 0,
        url: second.url,
        at: 1005,
        statusCode: 403,
        statusLine: 'HTTP/1.1 403 Forbidden',
        error: null,
      };
    const plan = replayPlan(log);
    replay = await startReplay(plan.sockets);
    const url = (route: number, u: string) => replayUrl(replay?.url ?? '', route, u);
    const dropped = await client(url(0, 'wss://app.test/a'));
    expect(dropped.close?.code).toBe(1006);
    const refused = await client(url(0, 'wss://app.test/a'));
    expect(refused.status).toBe(403);
    const unanswered = await client(url(1, 'wss://app.test/b'));
    expect(unanswered.close?.code).toBe(1006);
    expect(unanswered.status).toBeNull();
    expect((await client(url(0, 'wss://app.test/a'))).status).toBe(503);
    expect(replay.extra).toBe(1);
    await replay.finished(5000);
  });

  it('chooses the recorded subprotocol', async () => {
    const log = recordedLog([
      ev.created(1, 1, 'wss://app.test/gql'),
      { ...ev.open(1, 2), protocol: 'graphql-transport-ws' },
    ]);
    replay = await startReplay(replayPlan(log).sockets);
    const ws = new WebSocket(replayUrl(replay.url, 0, 'wss://app.test/gql'), [
      'graphql-ws',
      'graphql-transport-ws',
    ]);
    await new Promise((r) => ws.on('open', r));
    expect(ws.protocol).toBe('graphql-transport-ws');
    ws.close();
  });
});
