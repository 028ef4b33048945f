import { defineProtocol } from '../define-protocol';
import { decode } from './decode';
import { SUBPROTOCOLS, matchesContent } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** MQTT 3.1, 3.1.1 and 5.0 over WebSocket. MQTT defines no WebSocket close codes. */
export const mqtt = defineProtocol({
  id: 'mqtt',
  name: 'MQTT',
  subprotocols: SUBPROTOCOLS,
  matchesUrl: () => false,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode: () => null,
});
