import type { MessagePreview } from '../types';

// The connection token from /negotiate (negotiateVersion 1): URL-safe base64, 22 characters in
// ASP.NET Core. Requiring its shape keeps an unrelated "?id=5" from passing for SignalR.
const TOKEN = /^[A-Za-z0-9_-]{16,}$/;

export function matchesUrl(url: URL): boolean {
  return TOKEN.test(url.searchParams.get('id') ?? '');
}

/** The client's handshake request, ended by the record separator. */
export function matchesContent(m: MessagePreview & { preview: string }): boolean {
  return (
    m.dir === 'sent' &&
    m.kind === 'text' &&
    // eslint-disable-next-line no-control-regex -- 0x1E is the protocol's record separator
    /^\{\s*"protocol"\s*:\s*"[a-z]+"\s*,\s*"version"\s*:\s*\d+\s*\}\u001e/.test(m.preview)
  );
}
