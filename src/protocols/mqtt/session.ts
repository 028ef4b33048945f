export interface MqttSession {
  /** Protocol level from CONNECT: 3 (3.1), 4 (3.1.1) or 5 (5.0); null until seen. */
  level: number | null;
  /** Keep Alive from CONNECT, in seconds. */
  keepAlive: number | null;
  /** 5.0 CONNACK's Server Keep Alive, which replaces the client's. */
  serverKeepAlive: number | null;
  /** Bytes of a packet that continue into the next messages, per direction (two byte streams). */
  carry: { sent: number; received: number };
}

export function createSession(): MqttSession {
  return { level: null, keepAlive: null, serverKeepAlive: null, carry: { sent: 0, received: 0 } };
}

export function levelName(level: number): string {
  return level === 3 ? '3.1' : level === 4 ? '3.1.1' : level === 5 ? '5.0' : `level ${level}`;
}
