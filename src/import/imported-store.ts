import type { CloseLog, CloseLogSocket } from '../export/close-log-schema';
import { LogStore } from '../log/log-store';
import type { MessageRecord } from '../log/socket-record';
import type { SocketSummary } from '../protocol/socket-summary';

/** Imported sockets live in a document of their own, numbered in file order. */
const IMPORTED_DOC = 'imported';

/** A read-only store holding an imported close log, for the same views as a live tab. */
export function importedStore(log: CloseLog): LogStore {
  const store = new LogStore();
  const seen = new Set<string>();
  store.load(
    log.sockets.map((s, i) => {
      // Ids key the views; a hand-edited file may repeat one.
      let id = s.id;
      for (let n = 2; seen.has(id); n++) id = `${s.id} (${n})`;
      seen.add(id);
      return {
        summary: summaryOf(s, id, i + 1),
        frameId: s.frameId,
        handshake: s.handshake,
        messages: (s.messages ?? []).map(
          (m, j) => ({ type: 'message', socket: i + 1, seq: j + 1, ...m }) satisfies MessageRecord,
        ),
      };
    }),
    Date.parse(log.exportedAt),
  );
  return store;
}

function summaryOf(s: CloseLogSocket, id: string, socket: number): SocketSummary {
  return {
    id,
    doc: IMPORTED_DOC,
    socket,
    frameUrl: s.frameUrl,
    url: s.url,
    protocols: s.protocols,
    createdAt: s.createdAt,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    protocol: s.protocol,
    extensions: s.extensions,
    state: s.state,
    sent: s.sent,
    received: s.received,
    errorAt: s.errorAt,
    closeCall: s.closeCall,
    close: s.close && {
      code: s.close.code,
      reason: s.close.reason,
      wasClean: s.close.wasClean,
      at: s.closedAt ?? s.createdAt,
    },
    injected: s.injection,
  };
}
