import { actionCable } from './action-cable';
import { graphqlWs } from './graphql-ws';
import { jsonRpc } from './json-rpc';
import { mqtt } from './mqtt';
import { phoenix } from './phoenix';
import { signalR } from './signalr';
import { socketIo } from './socket-io';
import { sockJs } from './sockjs';
import { stomp } from './stomp';
import { subscriptionsTransportWs } from './subscriptions-transport-ws';
import type { Protocol, ProtocolId } from './types';
import { wamp } from './wamp';

/**
 * Every protocol, in detection order: within each kind of evidence the first match wins, so the
 * most specific come first and JSON-RPC, which any JSON app could resemble, comes last.
 */
export const PROTOCOLS: readonly Protocol[] = [
  socketIo,
  sockJs,
  stomp,
  mqtt,
  graphqlWs,
  subscriptionsTransportWs,
  phoenix,
  actionCable,
  signalR,
  wamp,
  jsonRpc,
];

export function protocolById(id: ProtocolId): Protocol | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}

export function isProtocolId(v: string): v is ProtocolId {
  return PROTOCOLS.some((p) => p.id === v);
}
