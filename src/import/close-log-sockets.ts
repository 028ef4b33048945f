import type { CloseLog, CloseLogSocket } from '../export/close-log-schema';
import type { LoadedSocket } from '../log/log-transaction';
import type { MessageRecord } from '../log/socket-record';
import type { SocketSummary } from '../protocol/socket-summary';

/** Imported sockets live in a document of their own, numbered in file order. */
const IMPORTED_DOC = 'imported';

/** An imported close log as the sockets a log holds, exactly as they were exported. */
export function closeLogToSockets(log: CloseLog): { exportedAt: number; sockets: LoadedSocket[] } {
  const seen = new Set<string>();
  const sockets = log.sockets.map((s, i): LoadedSocket => {
    // Ids key the views; a hand-edited file may repeat one.
    let id = s.id;
    for (let n = 2; seen.has(id); n++) id = `${s.id} (${n})`;
    seen.add(id);
    return {
      summary: summaryOf(s, id, i + 1),
      frameId: s.frameId,
      handshake: s.handshake,
      worker: s.worker,
      wire: s.wire,
      messages: (s.messages ?? []).map((m, j): MessageRecord => ({
        type: 'message',
        socket: i + 1,
        seq: j + 1,
        ...m,
      })),
    };
  });
  return { exportedAt: Date.parse(log.exportedAt), sockets };
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
