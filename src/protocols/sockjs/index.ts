import { defineProtocol } from '../define-protocol';
import { closeCode } from './close-codes';
import { decode } from './decode';
import { matchesContent, matchesUrl } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** SockJS framing over its websocket transport (not the raw /websocket endpoint, which has none). */
export const sockJs = defineProtocol({
  id: 'sockjs',
  name: 'SockJS',
  subprotocols: [],
  matchesUrl,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode,
});
