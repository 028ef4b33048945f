import { defineProtocol } from '../define-protocol';
import { decode } from './decode';
import { matchesContent, matchesUrl } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** Engine.IO 4 and Socket.IO 5 (the socket.io 3/4 libraries). No WebSocket close codes of its own. */
export const socketIo = defineProtocol({
  id: 'socket-io',
  name: 'Socket.IO',
  subprotocols: [],
  matchesUrl,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode: () => null,
});
