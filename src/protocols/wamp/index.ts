import { defineProtocol } from '../define-protocol';
import { decode } from './decode';

/** WAMP v2 over WebSocket, JSON serializer. No heartbeat or close codes in its WebSocket binding. */
export const wamp = defineProtocol({
  id: 'wamp',
  name: 'WAMP',
  subprotocols: ['wamp.2.json'],
  matchesUrl: () => false,
  // HELLO: [1, "realm", {"roles": ...}].
  matchesContent: (m) =>
    m.dir === 'sent' && m.kind === 'text' && /^\[\s*1\s*,\s*"[^"]+"\s*,\s*\{/.test(m.preview),
  createSession: () => null,
  decode: (m) => decode(m),
  heartbeat: () => null,
  closeCode: () => null,
});
