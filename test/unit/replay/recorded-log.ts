import { buildCloseLog } from '../../../src/export/close-log';
import type { CloseLog } from '../../../src/export/close-log-schema';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { recordedHistory } from '../page/recorded-history';

/** A close log with previews, from recorder events as the page's own history builds it. */
export function recordedLog(events: RecorderEvent[], redact = false): CloseLog {
  const h = recordedHistory('d', events);
  const messages = h.messages();
  return buildCloseLog(
    h
      .summaries()
      .map((s) => ({ ...s, handshake: null, messages: messages.filter((m) => m.socket === s.socket) })),
    new Date(0),
    { previews: true, redaction: { redact } },
  );
}

/** Moves an event to a given time (the builders' times are 1000 + seq). */
export const at = <E extends RecorderEvent>(t: number, e: E): E => ({ ...e, t });
