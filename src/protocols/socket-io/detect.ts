import type { MessagePreview } from '../types';

/** Engine.IO 4 over WebSocket puts its version and transport in the query, whatever the path. */
export function matchesUrl(url: URL): boolean {
  return url.searchParams.get('EIO') === '4' && url.searchParams.get('transport') === 'websocket';
}

/** The server's open packet (WebSocket-only clients) or the client's upgrade probe. */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  if (m.kind !== 'text') return false;
  if (m.dir === 'sent') return m.preview === '2probe';
  return m.preview.startsWith('0{') && m.preview.includes('"sid"') && m.preview.includes('"pingInterval"');
}
