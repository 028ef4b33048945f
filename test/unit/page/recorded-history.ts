import { PageHistory } from '../../../src/page/page-history';
import type { HistoryLimits } from '../../../src/page/page-history';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { createFakeWindow, fakeNatives } from './fake-window';

/**
 * A page history that recorded `events` as the recorder would: lifecycle events as they are, each
 * message from a payload that gives its preview (text, or the bytes a hex preview spells out as an
 * ArrayBuffer), the tester's flagged as such, an intercepted one with its mark. Event sequence numbers must be 1, 2, 3...: the history numbers them itself.
 */
export function recordedHistory(doc: string, events: RecorderEvent[], limits?: HistoryLimits): PageHistory {
  const h = new PageHistory(doc, fakeNatives(createFakeWindow()), limits);
  for (const e of events) {
    if (e.type !== 'message') h.record({ ...e });
    else if (e.intercept)
      h.intercepted(
        h.summaryOf(e.socket) ?? null,
        e.socket,
        e.dir === 'sent',
        e.t,
        payloadOf(e),
        e.intercept,
      );
    else
      h.message(
        h.summaryOf(e.socket) ?? null,
        e.socket,
        e.dir === 'sent',
        e.t,
        payloadOf(e),
        e.tester === true,
      );
  }
  return h;
}

function payloadOf(m: Extract<RecorderEvent, { type: 'message' }>): unknown {
  const preview = m.preview ?? '';
  if (m.kind === 'text') return preview;
  return Uint8Array.from(preview.match(/../g) ?? [], (h) => parseInt(h, 16)).buffer;
}
