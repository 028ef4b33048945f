import { defineProtocol } from '../define-protocol';
import { closeCode } from './close-codes';
import { decode } from './decode';
import { jsonType } from '../shared/json-type';

/** Types only graphql-transport-ws uses: connection_init alone is shared with the legacy protocol. */
const OWN_TYPES = new Set(['subscribe', 'next', 'ping', 'pong']);

/** graphql-transport-ws, the protocol of the graphql-ws library (not the legacy subprotocol "graphql-ws"). */
export const graphqlWs = defineProtocol({
  id: 'graphql-ws',
  name: 'GraphQL over WebSocket (graphql-transport-ws)',
  shortName: 'GraphQL WS',
  subprotocols: ['graphql-transport-ws'],
  matchesUrl: () => false,
  matchesContent: (m) => OWN_TYPES.has(jsonType(m) ?? ''),
  createSession: () => null,
  decode: (m) => decode(m),
  // Pings are optional and their interval is the application's: no policy to hold a socket to.
  heartbeat: () => null,
  closeCode,
});
