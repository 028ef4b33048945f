import { BRAND, PROTOCOL_VERSION } from './envelope';

/**
 * What the relay asks of the recorder: a snapshot of its document's whole retained history.
 * Checked by hand rather than by schema so the MAIN-world bundle stays free of the validator.
 */
export interface SyncRequest {
  source: typeof BRAND;
  v: typeof PROTOCOL_VERSION;
  type: 'sync';
}

export const SYNC_REQUEST: SyncRequest = { source: BRAND, v: PROTOCOL_VERSION, type: 'sync' };

export function isSyncRequest(m: unknown): m is SyncRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<SyncRequest>;
  return r.source === BRAND && r.v === PROTOCOL_VERSION && r.type === 'sync';
}
