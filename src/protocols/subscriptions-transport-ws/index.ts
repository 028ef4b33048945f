import { defineProtocol } from '../define-protocol';
import { jsonType } from '../shared/json-type';
import { closeCode } from './close-codes';
import { decode } from './decode';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** Types only the legacy protocol uses: connection_init alone is shared with graphql-transport-ws. */
const OWN_TYPES = new Set(['start', 'data', 'ka', 'connection_terminate', 'stop']);

/** Apollo's legacy subscriptions-transport-ws, whose subprotocol is (confusingly) "graphql-ws". */
export const subscriptionsTransportWs = defineProtocol({
  id: 'subscriptions-transport-ws',
  name: 'GraphQL subscriptions-transport-ws (legacy)',
  shortName: 'GraphQL legacy',
  subprotocols: ['graphql-ws', 'graphql-subscriptions'],
  matchesUrl: () => false,
  matchesContent: (m) => OWN_TYPES.has(jsonType(m) ?? ''),
  createSession,
  decode,
  heartbeat,
  closeCode,
});
