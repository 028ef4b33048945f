import { documentTransport } from '../../../src/page/page-transport';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageChannel, SNAPSHOT_PART_ITEMS } from '../../../src/page/page-channel';
import { PageHistory } from '../../../src/page/page-history';
import type { Natives } from '../../../src/page/natives';
import type { HistoryLimits } from '../../../src/page/page-history';
import { createFakeWindow, fakeNatives } from './fake-window';
import { parsePageMessage } from '../../../src/protocol/page-messages';
import type { PageMessage } from '../../../src/protocol/page-messages';
import { PAGE_TO_RELAY, RELAY_TO_PAGE } from '../../../src/protocol/envelope';
import { SYNC_REQUEST } from '../../../src/protocol/sync-request';
import { injectCommand } from '../../../src/protocol/inject-command';

function setup(limits?: HistoryLimits) {
  vi.useFakeTimers();
  const sent: PageMessage[] = [];
  let onRelay: (detail: unknown) => void = () => undefined;
  const natives: Natives = {
    ...fakeNatives(createFakeWindow()),
    now: () => Date.now(),
    setTimeout: (fn: () => void, ms: number) => void setTimeout(fn, ms),
    dispatch: (type: string, detail: string) => {
      expect(type).toBe(PAGE_TO_RELAY);
      const parsed = parsePageMessage(detail);
      if (!parsed.ok) throw new Error(parsed.error);
      sent.push(parsed.message);
    },
    listen: (type: string, fn: (detail: unknown) => void) => {
      expect(type).toBe(RELAY_TO_PAGE);
      onRelay = fn;
    },
  };
  const history = new PageHistory('doc', natives, limits);
  const channel = new PageChannel(history, natives, documentTransport(natives));
  const created = (socket: number) =>
    channel.push(
      history.record({
        type: 'created',
        socket,
        t: 1,
        url: 'ws://x/',
        frameUrl: 'https://p/',
        protocols: [],
      }),
    );
  const message = (socket: number, data: unknown = 'abc') =>
    history.message(history.summaryOf(socket) ?? null, socket, false, 2, data);
  return { sent, channel, history, created, message, relay: (detail: unknown) => onRelay(detail) };
}

const streamed = (sent: PageMessage[]) =>
  sent.flatMap((m) => (m.type === 'events' ? m.events.map((e) => [e.type, e.seq]) : []));

describe('PageChannel', () => {
  afterEach(() => vi.useRealTimers());

  it('batches events of one task into one valid message', () => {
    const { sent, created } = setup();
    created(1);
    created(2);
    expect(sent).toEqual([]);
    vi.runAllTimers();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type === 'events' && sent[0]!.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('holds a flush while a Blob preview is read, but not forever', () => {
    const { sent, history, created } = setup();
    history.pendingPreviews = 1;
    created(1);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(1);
  });

  it('answers a sync request with the history in parts, and ignores forged requests', () => {
    const { sent, created, relay } = setup();
    for (let i = 1; i <= SNAPSHOT_PART_ITEMS + 1; i++) created(i);
    vi.runAllTimers();
    sent.length = 0;
    relay('{"type":"sync"}');
    relay({ not: 'a string' });
    relay('not json');
    expect(sent).toEqual([]);
    relay(JSON.stringify(SYNC_REQUEST));
    expect(sent.map((m) => m.type)).toEqual(['snapshot', 'snapshot']);
    expect(sent.flatMap((m) => (m.type === 'snapshot' ? m.sockets : [])).length).toBe(
      SNAPSHOT_PART_ITEMS + 1,
    );
  });

  it('sends every socket of a snapshot before, or with, the messages that belong to it', () => {
    const { sent, created, message, relay } = setup();
    const last = 2 * SNAPSHOT_PART_ITEMS + 1;
    for (let i = 1; i <= last; i++) created(i);
    for (let i = 0; i < SNAPSHOT_PART_ITEMS + 1; i++) message(last);
    vi.runAllTimers();
    sent.length = 0;
    relay(JSON.stringify(SYNC_REQUEST));
    const seen = new Set<number>();
    let messages = 0;
    for (const m of sent) {
      if (m.type !== 'snapshot') continue;
      for (const s of m.sockets) seen.add(s.socket);
      for (const msg of m.messages) expect(seen.has(msg.socket)).toBe(true);
      messages += m.messages.length;
    }
    expect(seen.size).toBe(last);
    expect(messages).toBe(SNAPSHOT_PART_ITEMS + 1);
  });

  it('hands fault controls for its own document to the recorder, and nothing else', () => {
    const { channel, relay } = setup();
    const injected: unknown[] = [];
    channel.recorder = { inject: (c) => injected.push(c), intercept: () => undefined };
    const mine = injectCommand('doc', 1, { action: 'drop' });
    relay(JSON.stringify(injectCommand('other-frame', 1, { action: 'drop' })));
    relay(JSON.stringify({ ...mine, code: 1006 }));
    relay(mine); // not a string
    relay(JSON.stringify(mine));
    expect(injected).toEqual([mine]);
  });

  it('streams message events only once a panel asked, which first gets their exact counts', () => {
    const { sent, created, message, relay } = setup();
    created(1);
    message(1);
    message(1);
    vi.runAllTimers();
    expect(streamed(sent)).toEqual([['created', 1]]);
    sent.length = 0;
    relay(JSON.stringify(SYNC_REQUEST));
    expect(sent.map((m) => (m.type === 'snapshot' ? m.sockets[0]?.received : null))).toEqual([
      { messages: 2, bytes: 6 },
    ]);
    sent.length = 0;
    message(1);
    vi.runAllTimers();
    expect(streamed(sent)).toEqual([['message', 4]]);
  });

  it('streams lifecycle events and messages in sequence order, before the ring could lose one', () => {
    const { sent, created, message, relay } = setup({ maxSockets: 10, maxMessages: 4 });
    relay(JSON.stringify(SYNC_REQUEST));
    sent.length = 0;
    created(1);
    message(1);
    created(2);
    message(2);
    expect(sent).toEqual([]);
    vi.runAllTimers();
    expect(streamed(sent)).toEqual([
      ['created', 1],
      ['message', 2],
      ['created', 3],
      ['message', 4],
    ]);
    sent.length = 0;
    // A burst of more messages than the ring holds, within one task: flushed as it fills.
    for (let i = 0; i < 9; i++) message(1);
    vi.runAllTimers();
    expect(streamed(sent).map(([, seq]) => seq)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});
