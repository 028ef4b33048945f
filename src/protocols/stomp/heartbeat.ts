import { seconds } from '../shared/text';
import type { HeartbeatPolicy } from '../types';
import type { StompSession } from './session';

/**
 * STOMP 1.1+: the server sends something at least every max(sx, cy) ms when both are non-zero.
 * stompjs closes the socket after twice that without any data. Nothing is known before CONNECTED.
 */
export function heartbeat(s: StompSession): HeartbeatPolicy | null {
  if (s.client === null || s.server === null) return null;
  const [sx] = s.server;
  const [, cy] = s.client;
  if (sx === 0 || cy === 0) return null;
  const interval = Math.max(sx, cy);
  return {
    from: 'server',
    beatsOnly: false,
    answered: false,
    intervalMs: interval,
    timeoutMs: 2 * interval,
    negotiated: true,
    beatName: 'STOMP heart-beat',
    description: `the server sends data or a heart-beat at least every ${seconds(interval)} (negotiated) and stompjs gives up after ${seconds(2 * interval)} without data`,
  };
}
