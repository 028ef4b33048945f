import { seconds } from '../shared/text';
import type { HeartbeatPolicy } from '../types';
import type { MqttSession } from './session';

/** mqtt.js's default Keep Alive, in seconds, used when the CONNECT was not seen. */
const DEFAULT_KEEP_ALIVE = 60;

/**
 * The client must send a packet (PINGREQ when idle) within each Keep Alive period, and the broker
 * drops a client silent for 1.5 times it (MQTT-3.1.2-22). A 5.0 Server Keep Alive replaces the value.
 */
export function heartbeat(s: MqttSession): HeartbeatPolicy | null {
  const negotiated = s.serverKeepAlive ?? s.keepAlive;
  const keepAlive = negotiated ?? DEFAULT_KEEP_ALIVE;
  if (keepAlive === 0) return null;
  const interval = keepAlive * 1000;
  return {
    from: 'client',
    beatsOnly: false,
    answered: true,
    intervalMs: interval,
    timeoutMs: interval * 1.5,
    negotiated: negotiated !== null,
    beatName: 'MQTT packet from the client',
    description: `the client must send a packet (PINGREQ when idle) every ${seconds(interval)} (keep alive${negotiated === null ? ', mqtt.js default' : ''}) and the broker drops it after ${seconds(interval * 1.5)} of silence`,
  };
}
