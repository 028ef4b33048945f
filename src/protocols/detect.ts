import { PROTOCOLS, protocolById } from './registry';
import { oneLine } from './shared/text';
import type { Detection, MessagePreview, ProtocolId, SocketFacts } from './types';

/** How many of a socket's first messages content detection looks at. */
export const CONTENT_WINDOW = 10;

/**
 * The socket's application protocol: the user's choice, else the negotiated subprotocol, else
 * the URL, else a requested subprotocol the server did not confirm, else the first messages.
 * Null when nothing matches (yet: call again as messages arrive, up to CONTENT_WINDOW).
 */
export function detectProtocol(
  socket: SocketFacts,
  messages: readonly MessagePreview[],
  override: ProtocolId | null = null,
): Detection | null {
  if (override !== null) {
    const chosen = protocolById(override);
    if (chosen !== undefined) return { protocol: chosen, detectedBy: 'user', evidence: 'chosen by the user' };
  }
  const negotiated = socket.protocol ?? '';
  if (negotiated !== '') {
    const p = bySubprotocol(negotiated);
    if (p !== undefined)
      return {
        protocol: p,
        detectedBy: 'subprotocol',
        evidence: `negotiated subprotocol ${oneLine(negotiated, 60)}`,
      };
  }
  const url = parseUrl(socket.url);
  if (url !== null) {
    const firstSent = messages.slice(0, CONTENT_WINDOW).find((m) => m.dir === 'sent');
    const p = PROTOCOLS.find(
      (candidate) =>
        candidate.matchesUrl(url) &&
        !(candidate.urlNeedsHandshake && firstSent !== undefined && !candidate.matchesContent(firstSent)),
    );
    if (p !== undefined) {
      const confirmed = !p.urlNeedsHandshake
        ? ''
        : firstSent === undefined
          ? ' (no handshake seen yet to confirm it)'
          : ', confirmed by its handshake';
      return {
        protocol: p,
        detectedBy: 'url',
        evidence: `URL ${oneLine(url.pathname + url.search, 120)}${confirmed}`,
      };
    }
  }
  // A requested subprotocol is weaker evidence when the server selected none (or never answered).
  if (negotiated === '') {
    for (const requested of socket.protocols) {
      const p = bySubprotocol(requested);
      if (p !== undefined)
        return {
          protocol: p,
          detectedBy: 'subprotocol',
          evidence: `requested subprotocol ${oneLine(requested, 60)} (not confirmed by the server)`,
        };
    }
  }
  for (const m of messages.slice(0, CONTENT_WINDOW)) {
    const p = PROTOCOLS.find((candidate) => candidate.matchesContent(m));
    if (p !== undefined)
      return { protocol: p, detectedBy: 'content', evidence: `${m.dir} message #${m.seq}` };
  }
  return null;
}

function bySubprotocol(name: string) {
  return PROTOCOLS.find((p) => p.subprotocols.includes(name));
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
