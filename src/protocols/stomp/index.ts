import { defineProtocol } from '../define-protocol';
import { decode } from './decode';
import { SUBPROTOCOLS, matchesContent } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** STOMP 1.0-1.2. STOMP defines no WebSocket close codes; brokers choose their own. */
export const stomp = defineProtocol({
  id: 'stomp',
  name: 'STOMP',
  subprotocols: SUBPROTOCOLS,
  matchesUrl: () => false,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode: () => null,
});
