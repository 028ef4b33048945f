import type { AppCloseFacts, SocketFacts } from '../../protocols';
import type { SocketSummary } from '../../protocol/socket-summary';

/** What the decoders need to know of a socket. */
export function socketFacts(s: Pick<SocketSummary, 'url' | 'protocols' | 'protocol'>): SocketFacts {
  return { url: s.url, protocols: s.protocols, protocol: s.protocol };
}

/** The close as the decoders' close explanation takes it; null while the socket lives. */
export function appCloseFacts(s: SocketSummary): AppCloseFacts | null {
  const { close } = s;
  if (close === null) return null;
  return {
    code: close.code,
    reason: close.reason,
    wasClean: close.wasClean,
    opened: s.openedAt !== null,
    errored: s.errorAt !== null,
    closedAt: s.closedAt ?? close.at,
    openedAt: s.openedAt,
    closeCall: s.closeCall,
  };
}
