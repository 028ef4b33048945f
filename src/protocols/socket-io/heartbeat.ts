import { seconds } from '../shared/text';
import type { HeartbeatPolicy } from '../types';
import type { SocketIoSession } from './session';

// engine.io 6 defaults: the server pings every pingInterval and waits pingTimeout for the pong.
const DEFAULT_INTERVAL = 25_000;
const DEFAULT_TIMEOUT = 20_000;

/**
 * Engine.IO 4: the server pings; engine.io-client resets its timer on a ping only, and gives up
 * ("ping timeout") after pingInterval + pingTimeout without one.
 */
export function heartbeat(s: SocketIoSession): HeartbeatPolicy {
  const negotiated = s.pingInterval !== null && s.pingTimeout !== null;
  const interval = s.pingInterval ?? DEFAULT_INTERVAL;
  const timeout = interval + (s.pingTimeout ?? DEFAULT_TIMEOUT);
  return {
    from: 'server',
    beatsOnly: true,
    answered: false,
    intervalMs: interval,
    timeoutMs: timeout,
    negotiated,
    beatName: 'Socket.IO ping',
    description: `the server pings every ${seconds(interval)} and the client gives up after ${seconds(timeout)}${negotiated ? '' : ' (Engine.IO defaults)'}`,
  };
}
