import type { MessagePreview } from '../types';

// sockjs-client: a 3-digit server id (random.numberString(1000)) and a session id without dots.
const SESSION_PATH = /\/\d{3}\/[^/.]+\/websocket\/?$/;

export function matchesUrl(url: URL): boolean {
  return SESSION_PATH.test(url.pathname);
}

/** The server's open frame, alone in the first message. */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  return m.dir === 'received' && m.kind === 'text' && m.preview === 'o';
}
