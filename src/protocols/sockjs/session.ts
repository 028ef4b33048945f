export interface SockJsSession {
  /** The server sent "h" frames on this connection: it heartbeats in the stream. */
  heartbeatsSeen: boolean;
}

export function createSession(): SockJsSession {
  return { heartbeatsSeen: false };
}
