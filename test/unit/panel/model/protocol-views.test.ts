import { describe, expect, it } from 'vitest';
import { batch, ev } from '../../event-builders';
import { captureEvents } from '../../log/app-protocols/capture-events';
import { loadCapture } from '../../protocols/captures';
import { liveModel } from './model-harness';
import type { RecorderEvent } from '../../../../src/protocol/recorder-events';

const deliver = (h: ReturnType<typeof liveModel>, events: RecorderEvent[]) => {
  h.port().deliver({ type: 'events', frameId: 0, batch: batch('d', events) });
  h.frame();
};

describe('ProtocolViews in the model', () => {
  it('decodes the selected socket as its messages arrive, each message once into one decoding', () => {
    const h = liveModel();
    const url = 'ws://h/socket/websocket?vsn=2.0.0';
    deliver(h, [ev.created(1, 1, url), ev.open(1, 2), ev.created(2, 3, url), ev.open(2, 4)]);
    h.model.select('d:1');
    const first = h.model.protocols.selectedDecoding.value;
    expect(first?.detection.protocol.id).toBe('phoenix');
    expect(first?.decoding.decodedUpTo).toBe(0);
    deliver(h, [ev.message(1, 5, '[null,"1","phoenix","heartbeat",{}]', 'sent'), ev.message(2, 6, '[]')]);
    const next = h.model.protocols.selectedDecoding.value;
    expect(next?.decoding).toBe(first?.decoding);
    expect(next?.decoding.decodedUpTo).toBe(1);
    expect(next?.decoding.row(0)?.summary).toBe('heartbeat');
  });

  it("keeps a closed socket's explanation while other sockets stream", () => {
    const h = liveModel();
    const cable = loadCapture('action-cable').sockets.at(-1);
    if (!cable) throw new Error('empty capture');
    const events = captureEvents(cable, 1);
    deliver(h, [...events, ev.created(2, 100), ev.open(2, 101)]);
    h.model.select('d:1');
    const x = h.model.protocols.selectedExplanation.value;
    expect(x?.app?.goodbye?.summary).toBe('disconnect unauthorized reconnect false');
    for (let seq = 102; seq < 110; seq++) deliver(h, [ev.message(2, seq, 'tick')]);
    expect(h.model.protocols.selectedExplanation.value).toBe(x);
  });
});
