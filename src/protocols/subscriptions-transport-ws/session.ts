export interface LegacySession {
  /** The server sends "ka" keep-alives on this socket (only when its keepAlive option is set). */
  keepAliveSeen: boolean;
}

export function createSession(): LegacySession {
  return { keepAliveSeen: false };
}
