import type { HeartbeatPolicy } from '../types';
import type { SockJsSession } from './session';

/**
 * Over a native WebSocket sockjs-node heartbeats with WebSocket pings the page cannot see; only a
 * server that sends "h" frames gives evidence here, and sockjs-client keeps no timer of its own.
 * Without them, STOMP carried inside may have negotiated heart-beats of its own.
 */
export function heartbeat(s: SockJsSession): HeartbeatPolicy | null {
  if (!s.heartbeatsSeen) return s.inner?.heartbeat() ?? null;
  return {
    from: 'server',
    beatsOnly: false,
    answered: false,
    intervalMs: 25_000,
    timeoutMs: null,
    negotiated: false,
    beatName: 'SockJS heartbeat',
    description:
      'a SockJS server sends a heartbeat frame after 25 s without traffic by default (heartbeat_delay), and sockjs-client does not time out on it',
  };
}
