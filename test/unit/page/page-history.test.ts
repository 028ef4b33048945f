import { describe, expect, it } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import type { UnsequencedEvent } from '../../../src/protocol/recorder-events';

const created = (socket: number): UnsequencedEvent => ({
  type: 'created',
  socket,
  t: socket,
  url: `ws://x/${socket}`,
  frameUrl: 'https://p/',
  protocols: [],
});
const message = (socket: number, preview: string): UnsequencedEvent => ({
  type: 'message',
  socket,
  t: 1,
  dir: 'received',
  kind: 'text',
  jsType: 'string',
  size: preview.length,
  preview,
  truncated: false,
});
const closed = (socket: number): UnsequencedEvent => ({
  type: 'closed',
  socket,
  t: 2,
  code: 1000,
  reason: '',
  wasClean: true,
});

describe('PageHistory', () => {
  it('numbers events in order and keeps exact summaries', () => {
    const h = new PageHistory('doc');
    const seqs = [created(1), message(1, 'a'), message(1, 'bb'), closed(1)].map((e) => h.record(e).seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(h.lastSeq).toBe(4);
    expect(h.summaries()).toEqual([
      expect.objectContaining({
        id: 'doc:1',
        state: 'closed',
        received: { messages: 2, bytes: 3 },
        close: expect.objectContaining({ code: 1000 }),
      }),
    ]);
  });

  it('keeps only the newest previews, oldest first, while counts stay exact', () => {
    const h = new PageHistory('doc', { maxSockets: 10, maxMessages: 3 });
    h.record(created(1));
    for (const p of ['1', '2', '3', '4', '5']) h.record(message(1, p));
    expect(h.messages().map((m) => m.preview)).toEqual(['3', '4', '5']);
    expect(h.summaries()[0]!.received.messages).toBe(5);
  });

  it('forgets the oldest closed socket first when over its socket limit', () => {
    const h = new PageHistory('doc', { maxSockets: 2, maxMessages: 10 });
    h.record(created(1));
    h.record(created(2));
    h.record(closed(2));
    h.record(message(2, 'gone with its socket'));
    h.record(created(3));
    expect(h.summaries().map((s) => s.socket)).toEqual([1, 3]);
    expect(h.messages()).toEqual([]);
  });
});
