import type { WireReport, WorkerInfo } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import { explainSocket } from '../log/socket-view';
import type { MessageRecord } from '../log/socket-record';
import type { SocketSummary } from '../protocol/socket-summary';
import { CLOSE_LOG_FORMAT, CLOSE_LOG_VERSION } from './close-log-schema';
import type { CloseLog, CloseLogMessage, CloseLogSocket } from './close-log-schema';

export type { CloseLog };

/**
 * A socket as the store holds it (with its retained previews), or as a page snapshot describes
 * it (no handshake report, no previews).
 */
export type ExportableSocket = SocketSummary & {
  handshake?: HandshakeReport | null;
  worker?: WorkerInfo | null;
  wire?: WireReport | null;
  messages?: Iterable<MessageRecord>;
  frameId?: number;
};

export interface CloseLogOptions {
  /** Include each socket's retained message previews. */
  previews?: boolean;
}

export function toCloseLogSocket(s: ExportableSocket, options: CloseLogOptions = {}): CloseLogSocket {
  const x = explainSocket(s);
  const socket: CloseLogSocket = {
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
            injected: s.injected !== null,
          }
        : null,
    frameUrl: s.frameUrl,
    frameId: s.frameId ?? 0,
    protocols: [...s.protocols],
    protocol: s.protocol,
    extensions: s.extensions,
    errorAt: s.errorAt,
    closeCall: s.closeCall && { ...s.closeCall },
    handshake: s.handshake ? { ...s.handshake } : null,
    worker: s.worker ? { ...s.worker } : null,
    wire: s.wire ? { ...s.wire, headers: s.wire.headers && s.wire.headers.map((h) => ({ ...h })) } : null,
    injection: s.injected && { ...s.injected },
  };
  if (options.previews) socket.messages = [...(s.messages ?? [])].map(toCloseLogMessage);
  return socket;
}

function toCloseLogMessage(m: MessageRecord): CloseLogMessage {
  return {
    t: m.t,
    dir: m.dir,
    kind: m.kind,
    jsType: m.jsType,
    size: m.size,
    preview: m.preview,
    truncated: m.truncated,
  };
}

export function buildCloseLog(
  sockets: Iterable<ExportableSocket>,
  exportedAt: Date,
  options: CloseLogOptions = {},
): CloseLog {
  return {
    format: CLOSE_LOG_FORMAT,
    version: CLOSE_LOG_VERSION,
    exportedAt: exportedAt.toISOString(),
    sockets: [...sockets].sort((a, b) => a.createdAt - b.createdAt).map((s) => toCloseLogSocket(s, options)),
  };
}
