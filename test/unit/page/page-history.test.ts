import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import type { HistoryLimits } from '../../../src/page/page-history';
import { createFakeWindow, fakeNatives } from './fake-window';

const natives = fakeNatives(createFakeWindow());

function history(limits?: HistoryLimits) {
  const h = new PageHistory('doc', natives, limits);
  const created = (socket: number) =>
    h.record({
      type: 'created',
      socket,
      t: socket,
      url: `ws://x/${socket}`,
      frameUrl: 'https://p/',
      protocols: [],
    });
  const message = (socket: number, data: unknown, sent = false) =>
    h.message(h.summaryOf(socket) ?? null, socket, sent, 5, data);
  const closed = (socket: number) =>
    h.record({ type: 'closed', socket, t: 2, code: 1000, reason: '', wasClean: true });
  return { h, created, message, closed };
}

describe('PageHistory', () => {
  it('numbers events in order and keeps exact summaries', () => {
    const { h, created, message, closed } = history();
    const seqs = [created(1).seq, message(1, 'a'), message(1, 'bé', true), closed(1).seq];
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(h.lastSeq).toBe(4);
    expect(h.summaries()).toEqual([
      expect.objectContaining({
        id: 'doc:1',
        state: 'closed',
        received: { messages: 1, bytes: 1 },
        sent: { messages: 1, bytes: 3 },
        close: expect.objectContaining({ code: 1000 }),
      }),
    ]);
    expect(h.messages()).toEqual([
      {
        type: 'message',
        seq: 2,
        socket: 1,
        t: 5,
        dir: 'received',
        kind: 'text',
        jsType: 'string',
        size: 1,
        preview: 'a',
        truncated: false,
      },
      {
        type: 'message',
        seq: 3,
        socket: 1,
        t: 5,
        dir: 'sent',
        kind: 'text',
        jsType: 'string',
        size: 3,
        preview: 'bé',
        truncated: false,
      },
    ]);
  });

  it('keeps only the newest previews, oldest first, while counts stay exact', () => {
    const { h, created, message } = history({ maxSockets: 10, maxMessages: 3 });
    created(1);
    for (const p of ['1', '2', '3', '4', '5']) message(1, p);
    expect(h.messages().map((m) => m.preview)).toEqual(['3', '4', '5']);
    expect(h.messageTuples(4).map((m) => m[6])).toEqual(['4', '5']); // seq 5 and 6
    expect(h.summaries()[0]!.received.messages).toBe(5);
  });

  it('keeps binary heads as hex, built only when asked, and ignores what is no payload', () => {
    const { h, created, message } = history();
    created(1);
    message(1, new Uint8Array([0, 1, 15, 16, 255]));
    expect(message(1, { not: 'binary' })).toBe(0);
    expect(h.messages()).toEqual([
      expect.objectContaining({
        kind: 'binary',
        jsType: 'Uint8Array',
        size: 5,
        preview: '00010f10ff',
        truncated: false,
      }),
    ]);
  });

  it('forgets the oldest closed socket first when over its socket limit', () => {
    const { h, created, message, closed } = history({ maxSockets: 2, maxMessages: 10 });
    created(1);
    created(2);
    closed(2);
    message(2, 'gone with its socket');
    created(3);
    expect(h.summaries().map((s) => s.socket)).toEqual([1, 3]);
    expect(h.messages()).toEqual([]);
  });

  it('keeps previews as flat strings, not ropes of their pieces', () => {
    // Node exposes gc() to a new context once the flag is set: retained size is then exact.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { h, created, message } = history({ maxSockets: 10, maxMessages: 2000 });
    created(1);
    const bytes = new Uint8Array(256).map((_, i) => i);
    for (let i = 0; i < 2000; i++) message(1, bytes);
    gc();
    const before = memoryUsage().heapUsed;
    const kept = h.messages();
    gc();
    // 2,000 previews of 512 one-byte characters: about 1 MB flat; appended pairwise, ~20 MB.
    expect(memoryUsage().heapUsed - before).toBeLessThan(3e6);
    expect(kept).toHaveLength(2000);
  });
});
