import { isProtocolId, protocolById } from '../../protocols';
import type { AppCloseFacts, DetectedBy, Detection, SocketFacts } from '../../protocols';
import type { FileAppFacts } from '../socket-record';
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

const BY: Record<DetectedBy, string> = {
  subprotocol: 'its subprotocol',
  url: 'its URL',
  content: 'its messages',
  user: 'the user’s Decode as',
};

/**
 * An imported socket's protocol as its file says: the user may have chosen it there, or seen it
 * in first messages the file does not hold. A protocol this version does not know is detected.
 */
export function fileDetection(s: { fromFile?: FileAppFacts }): Detection | null {
  const said = s.fromFile?.appProtocol;
  const protocol = said && isProtocolId(said.id) ? protocolById(said.id) : undefined;
  if (!said || !protocol) return null;
  return {
    protocol,
    detectedBy: said.detectedBy,
    evidence: `as the imported file says: by ${BY[said.detectedBy]}`,
  };
}
