import { readJson } from '../shared/json';
import type { MessagePreview } from '../types';
import { fromJson } from './message';

/** phoenix.js connects to <endpoint>/websocket?vsn=2.0.0 (vsn names the serializer). */
export function matchesUrl(url: URL): boolean {
  return url.pathname.endsWith('/websocket') && url.searchParams.has('vsn');
}

/** A join or heartbeat in either serializer's shape. */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  if (m.kind !== 'text' || m.dir !== 'sent') return false;
  const msg = fromJson(readJson(m.preview, m.truncated));
  return (
    typeof msg !== 'string' &&
    (msg.event === 'phx_join' || (msg.topic === 'phoenix' && msg.event === 'heartbeat'))
  );
}
