import type { Initiator } from '../close-codes/types';
import type { HandshakeFailure } from '../protocol/handshake';
import { explainSocket } from '../log/socket-view';
import type { SocketState, SocketSummary } from '../protocol/socket-summary';

export const CLOSE_LOG_FORMAT = 'websocket-close-log';
export const CLOSE_LOG_VERSION = 1;

/** One socket in an exported close log. The named fields are a contract other tools read. */
export interface CloseLogSocket {
  id: string;
  url: string;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  state: SocketState;
  sent: { messages: number; bytes: number };
  received: { messages: number; bytes: number };
  close: null | {
    code: number;
    reason: string;
    wasClean: boolean;
    initiator: Initiator;
    name: string;
    explanation: string;
    abnormal: boolean;
  };
  frameUrl: string;
  protocols: string[];
  protocol: string | null;
  extensions: string | null;
  /** When the socket's first `error` event fired. */
  errorAt: number | null;
  /** The page's own close() call, as it passed it, if any. */
  closeCall: { code: number | null; reason: string | null; at: number } | null;
  /** What the browser reported about a failed handshake (the page cannot see it). */
  handshake: HandshakeFailure | null;
}

/** A socket as the store holds it, or as a page snapshot describes it (no handshake report). */
type ExportableSocket = SocketSummary & { handshake?: HandshakeFailure | null };

export interface CloseLog {
  format: typeof CLOSE_LOG_FORMAT;
  version: typeof CLOSE_LOG_VERSION;
  exportedAt: string;
  sockets: CloseLogSocket[];
}

export function toCloseLogSocket(s: ExportableSocket): CloseLogSocket {
  const x = explainSocket(s);
  return {
    id: s.id,
    url: s.url,
    createdAt: s.createdAt,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    state: s.state,
    sent: { ...s.sent },
    received: { ...s.received },
    close:
      s.close && x
        ? {
            code: s.close.code,
            reason: s.close.reason,
            wasClean: s.close.wasClean,
            initiator: x.initiator,
            name: x.info.name,
            explanation: x.headline,
            abnormal: x.abnormal,
          }
        : null,
    frameUrl: s.frameUrl,
    protocols: [...s.protocols],
    protocol: s.protocol,
    extensions: s.extensions,
    errorAt: s.errorAt,
    closeCall: s.closeCall && { ...s.closeCall },
    handshake: s.handshake ? { ...s.handshake } : null,
  };
}

export function buildCloseLog(sockets: Iterable<ExportableSocket>, exportedAt: Date): CloseLog {
  return {
    format: CLOSE_LOG_FORMAT,
    version: CLOSE_LOG_VERSION,
    exportedAt: exportedAt.toISOString(),
    sockets: [...sockets].sort((a, b) => a.createdAt - b.createdAt).map(toCloseLogSocket),
  };
}
