import type { MessagePreview } from '../types';

export const SUBPROTOCOLS = ['v10.stomp', 'v11.stomp', 'v12.stomp'] as const;

/** The client's CONNECT (or STOMP, 1.1+) frame, or the server's CONNECTED. */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  if (m.kind !== 'text') return false;
  return m.dir === 'sent' ? /^(CONNECT|STOMP)\r?\n/.test(m.preview) : /^CONNECTED\r?\n/.test(m.preview);
}
