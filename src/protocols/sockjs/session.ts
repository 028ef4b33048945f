import type { ProtocolSession, SocketFacts } from '../types';

export interface SockJsSession {
  socket: SocketFacts;
  /** The server sent "h" frames on this connection: it heartbeats in the stream. */
  heartbeatsSeen: boolean;
  /** STOMP carried inside the SockJS messages (Spring's STOMP over SockJS), once its CONNECT went by. */
  inner: ProtocolSession | null;
  /** The carried protocol said goodbye: a default SockJS close after it adds nothing. */
  innerGoodbye: boolean;
}

export function createSession(socket: SocketFacts): SockJsSession {
  return { socket, heartbeatsSeen: false, inner: null, innerGoodbye: false };
}
