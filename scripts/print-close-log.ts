import type { CloseLog } from '../src/export/close-log';

/** The close log as a terminal table: one line a socket, abnormal closes marked. */
export function printCloseLog(log: CloseLog): void {
  const t0 = log.sockets[0]?.createdAt ?? 0;
  console.table(
    log.sockets.map((s) => ({
      'created +ms': Math.round(s.createdAt - t0),
      url: s.url.replace(/^wss?:\/\/[^/]+/, ''),
      code: s.close?.code ?? '',
      name: s.close?.name ?? s.state,
      clean: s.close ? s.close.wasClean : '',
      by: s.close?.initiator ?? '',
      abnormal: s.close?.abnormal ? 'ABNORMAL' : '',
      explanation: s.close?.explanation ?? '',
    })),
  );
}
