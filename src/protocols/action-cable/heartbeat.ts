import type { HeartbeatPolicy } from '../types';

/**
 * The server pings every 3 s (BEAT_INTERVAL); @rails/actioncable counts any message as life and
 * reopens the socket once 6 s pass without one (staleThreshold, checked every few seconds).
 */
export function heartbeat(): HeartbeatPolicy {
  return {
    from: 'server',
    beatsOnly: false,
    answered: false,
    intervalMs: 3_000,
    timeoutMs: 6_000,
    negotiated: false,
    beatName: 'Action Cable ping',
    description:
      'the server pings every 3 s and @rails/actioncable treats the connection as stale after 6 s without a message (Action Cable defaults)',
  };
}
