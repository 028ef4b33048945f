import type { HeartbeatPolicy } from '../types';
import type { LegacySession } from './session';

/**
 * The server sends "ka" only when configured to, at an interval the client never learns; once it
 * has seen one, the client closes the socket when 30 s (its default timeout) pass without another.
 */
export function heartbeat(s: LegacySession): HeartbeatPolicy | null {
  if (!s.keepAliveSeen) return null;
  return {
    from: 'server',
    beatsOnly: true,
    answered: false,
    intervalMs: null,
    timeoutMs: 30_000,
    negotiated: false,
    beatName: 'keep-alive (ka)',
    description:
      'the server sends ka at an interval of its choosing, and subscriptions-transport-ws clients close the socket after 30 s without one (default timeout)',
  };
}
