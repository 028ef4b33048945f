import { emptyLog } from '../../../src/log/log-state';
import type { LogState } from '../../../src/log/log-state';
import { reduceLog } from '../../../src/log/log-reducer';
import type { LogAction } from '../../../src/log/log-reducer';
import type { PreviewLimits } from '../../../src/log/preview-limits';
import type { SocketRecord } from '../../../src/log/socket-record';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { batch } from '../event-builders';

export const roomy = (perSocket = 100): PreviewLimits => ({ perSocket, total: 1_000_000, totalChars: 1e9 });

/** A log after these actions, each applied as its own version. */
export function logAfter(actions: LogAction[], limits: PreviewLimits = roomy()): LogState {
  return actions.reduce((log, a) => reduceLog(log, [a]), emptyLog(limits));
}

/** The panel message carrying live events of one document. */
export const events = (doc: string, list: RecorderEvent[], frameId = 0): LogAction => ({
  type: 'events',
  frameId,
  batch: batch(doc, list),
});

export function socketOf(log: LogState, id: string): SocketRecord {
  const s = log.sockets.byId(id);
  if (!s) throw new Error(`no socket ${id} in the log`);
  return s;
}

export const previews = (s: SocketRecord) => [...s.messages].map((m) => m.preview);
export const ids = (log: LogState) => log.order.map((slot) => log.sockets.get(slot)?.id);
