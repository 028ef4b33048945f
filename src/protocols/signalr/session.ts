export interface SignalRSession {
  /** The handshake request and response went by: later records are hub messages. */
  requestSeen: boolean;
  responseSeen: boolean;
  /** The server sent a Close: the client's Close that follows only acknowledges it. */
  serverClosed: boolean;
}

export function createSession(): SignalRSession {
  return { requestSeen: false, responseSeen: false, serverClosed: false };
}
