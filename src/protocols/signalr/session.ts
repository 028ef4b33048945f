export interface SignalRSession {
  /** The handshake request and response went by: later records are hub messages. */
  requestSeen: boolean;
  responseSeen: boolean;
}

export function createSession(): SignalRSession {
  return { requestSeen: false, responseSeen: false };
}
