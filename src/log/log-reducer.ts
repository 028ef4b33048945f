import type { PanelMessage } from '../protocol/runtime-messages';
import type { LogState } from './log-state';
import { LogTransaction } from './log-transaction';
import type { LoadedSocket } from './log-transaction';
import type { PreviewLimits } from './preview-limits';

/** Everything that changes a log: what the background sends, and what the user does to it. */
export type LogAction =
  | Exclude<PanelMessage, { type: 'recorder-mismatch' | 'page' | 'deep-capture' }>
  | { type: 'clear' }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'preserve-log'; on: boolean }
  | { type: 'limits'; limits: PreviewLimits }
  | { type: 'load'; sockets: readonly LoadedSocket[]; frozenAt: number };

/** The log after `actions`, in order, as one new version (or the same log if nothing changed). */
export function reduceLog(log: LogState, actions: readonly LogAction[]): LogState {
  const tx = new LogTransaction(log);
  for (const action of actions) apply(tx, action);
  return tx.commit();
}

function apply(tx: LogTransaction, a: LogAction): void {
  switch (a.type) {
    case 'events':
      return tx.events(a.batch, a.frameId, a.worker ?? null);
    case 'snapshot':
      return tx.snapshot(a.part, a.frameId, a.worker ?? null);
    case 'wire':
      return tx.wire(a.report);
    case 'navigated':
      return tx.navigated(a.url, a.at);
    case 'handshake':
      return tx.handshake(a.report);
    case 'rejected':
      return tx.setRejected(a.count, a.lastError);
    case 'clear':
      return tx.clear();
    case 'pause':
      return tx.setPaused(true, a.at);
    case 'resume':
      return tx.setPaused(false, a.at);
    case 'preserve-log':
      return tx.setPreserveLog(a.on);
    case 'limits':
      return tx.setLimits(a.limits);
    case 'load':
      return tx.load(a.sockets, a.frozenAt);
  }
}
