import type { HeartbeatPolicy } from '../types';

/**
 * Both sides send a Ping after 15 s without sending anything (server KeepAliveInterval, client
 * keepAliveIntervalInMilliseconds); the JavaScript client stops after 30 s without any message
 * (serverTimeoutInMilliseconds). Neither value travels in the protocol, so these are defaults.
 */
export function heartbeat(): HeartbeatPolicy {
  return {
    from: 'server',
    beatsOnly: false,
    answered: false,
    intervalMs: 15_000,
    timeoutMs: 30_000,
    negotiated: false,
    beatName: 'SignalR message',
    description:
      'the server sends a ping after 15 s without traffic and the JavaScript client gives up after 30 s without a message (SignalR defaults)',
  };
}
