import type { Stream } from './stream';
import { createStream } from './stream';

export interface MqttSession {
  /** Protocol level from CONNECT: 3 (3.1), 4 (3.1.1) or 5 (5.0); null until seen. */
  level: number | null;
  /** Keep Alive from CONNECT, in seconds. */
  keepAlive: number | null;
  /** 5.0 CONNACK's Server Keep Alive, which replaces the client's. */
  serverKeepAlive: number | null;
  /** Each direction is its own byte stream. */
  streams: { sent: Stream; received: Stream };
}

export function createSession(): MqttSession {
  return {
    level: null,
    keepAlive: null,
    serverKeepAlive: null,
    streams: { sent: createStream(), received: createStream() },
  };
}

export function levelName(level: number): string {
  return level === 3 ? '3.1' : level === 4 ? '3.1.1' : level === 5 ? '5.0' : `level ${level}`;
}
