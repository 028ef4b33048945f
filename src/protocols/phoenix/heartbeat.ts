import type { HeartbeatPolicy } from '../types';

/**
 * phoenix.js sends a heartbeat every 30 s (heartbeatIntervalMs) and closes with 1000 "heartbeat
 * timeout" when the previous one is still unanswered; the server's transport drops a client
 * silent for 60 s (its timeout). Neither value travels in the protocol, so these are defaults.
 */
export function heartbeat(): HeartbeatPolicy {
  return {
    from: 'client',
    beatsOnly: true,
    answered: true,
    intervalMs: 30_000,
    timeoutMs: 60_000,
    negotiated: false,
    beatName: 'Phoenix heartbeat',
    description:
      'phoenix.js sends a heartbeat every 30 s and the server drops a client silent for 60 s (Phoenix defaults)',
  };
}
