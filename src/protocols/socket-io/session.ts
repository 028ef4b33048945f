/** What later messages of one Engine.IO connection need from earlier ones. */
export interface SocketIoSession {
  /** From the open packet, in ms. */
  pingInterval: number | null;
  pingTimeout: number | null;
  /** Binary messages still owed to a BINARY_EVENT / BINARY_ACK. */
  pending: { label: string; total: number; left: number } | null;
}

export function createSession(): SocketIoSession {
  return { pingInterval: null, pingTimeout: null, pending: null };
}
