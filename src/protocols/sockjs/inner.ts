import { stomp } from '../stomp';
import type { Decoded, MessagePreview } from '../types';
import type { SockJsSession } from './session';

/**
 * One message inside a SockJS frame, decoded as STOMP once a STOMP CONNECT shows the socket
 * carries it (Spring's STOMP over SockJS); null while it carries anything else.
 */
export function decodeInner(text: string, cut: boolean, m: MessagePreview, s: SockJsSession): Decoded | null {
  const message = {
    ...m,
    kind: 'text' as const,
    size: new TextEncoder().encode(text).length,
    preview: text,
    truncated: cut,
  };
  if (s.inner === null) {
    if (!stomp.matchesContent(message)) return null;
    s.inner = stomp.createSession(s.socket);
  }
  const d = s.inner.decode(message);
  if (d.goodbye !== undefined) s.innerGoodbye = true;
  return d;
}
