/** Engine.IO 4 packet types: the first character of a text message. */
export const ENGINE_IO_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
export type EngineIoType = (typeof ENGINE_IO_TYPES)[number];

export interface EngineIoPacket {
  type: EngineIoType;
  data: string;
}

/** A text message as one Engine.IO packet; null when the first character is no packet type. */
export function parseEngineIo(text: string): EngineIoPacket | null {
  const type = ENGINE_IO_TYPES[text.charCodeAt(0) - 48];
  return type === undefined ? null : { type, data: text.slice(1) };
}
