import { hexToBytes } from '../shared/hex';
import type { MessagePreview } from '../types';

/** "mqtt" for 3.1.1 and 5.0 (the spec's registered name); mqtt.js offers "mqttv3.1" for 3.1. */
export const SUBPROTOCOLS = ['mqtt', 'mqttv3.1'] as const;

/** The client's CONNECT: type 1, then the protocol name "MQTT" (3.1.1, 5.0) or "MQIsdp" (3.1). */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  if (m.kind !== 'binary' || m.dir !== 'sent' || !m.preview.startsWith('10')) return false;
  const bytes = hexToBytes(m.preview.slice(0, 40)).bytes;
  // The Remaining Length takes 1-4 bytes; the name's 2-byte length follows it.
  for (let at = 2; at <= 5; at++) {
    const name = String.fromCharCode(...bytes.subarray(at + 2, at + 2 + (bytes[at + 1] ?? 0)));
    if ((bytes[at] === 0 && name === 'MQTT') || name === 'MQIsdp') return true;
  }
  return false;
}
