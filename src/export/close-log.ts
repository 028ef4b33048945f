import * as v from 'valibot';
import type { WireReport, WorkerInfo } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import { explainSocket } from '../log/socket-view';
import type { FileAppFacts, MessageRecord } from '../log/socket-record';
import type { Detection } from '../protocols';
import type { SocketSummary } from '../protocol/socket-summary';
import {
  CLOSE_LOG_FORMAT,
  CLOSE_LOG_VERSION,
  CloseLogMessage,
  CloseLogSocket,
  SUMMARY_FIELDS,
} from './close-log-schema';
import type { CloseLog } from './close-log-schema';
import { appProtocolFacts } from './app-protocol-facts';
import { DEFAULT_REDACTION, redactCloseLog } from './redaction';
import type { RedactionOptions } from './redaction';

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
  /**
   * Its application protocol as the panel knows it (the user's Decode as, first messages since
   * dropped); absent: detected from the socket's own facts; null: none.
   */
  detection?: Detection | null;
  /** An imported socket: what its file said of its application protocol. */
  fromFile?: FileAppFacts;
};

export interface CloseLogOptions {
  /** Include each socket's retained message previews. */
  previews?: boolean;
  /** Secrets are replaced by "[redacted]" unless this says otherwise (DEFAULT_REDACTION). */
  redaction?: RedactionOptions;
}

/**
 * The fields the close log shares with the summary, copied through the close log's own schema:
 * the schema names them, so a field added to both travels without a mapping to update. The
 * store only holds summaries that passed the same field schemas, so this cannot throw on them.
 */
const SharedFields = v.pick(CloseLogSocket, SUMMARY_FIELDS);

/** One socket in close log form, as recorded: no redaction (buildCloseLog applies it). */
export function toCloseLogSocket(
  s: ExportableSocket,
  options: Pick<CloseLogOptions, 'previews'> = {},
): CloseLogSocket {
  const messages = [...(s.messages ?? [])];
  const app = appProtocolFacts(s, messages, s.detection);
  const generic = explainSocket(s);
  const x = generic && app ? app.explain(generic) : generic;
  const socket: CloseLogSocket = {
    id: s.id,
    ...v.parse(SharedFields, s),
    close:
      s.close && x
        ? {
            code: s.close.code,
            reason: s.close.reason,
            wasClean: s.close.wasClean,
            at: s.close.at,
            initiator: x.initiator,
            name: x.info.name,
            explanation: x.headline,
            abnormal: x.abnormal,
            injected: s.injected !== null,
            ...(app?.application && { application: app.application }),
          }
        : null,
    frameId: s.frameId ?? 0,
    handshake: s.handshake ? { ...s.handshake } : null,
    worker: s.worker ? { ...s.worker } : null,
    wire: s.wire ? { ...s.wire, headers: s.wire.headers && s.wire.headers.map((h) => ({ ...h })) } : null,
    injection: s.injected && { ...s.injected },
    ...(app && { appProtocol: app.appProtocol }),
  };
  if (options.previews)
    socket.messages = messages.map((m, i) => {
      const decoded = app?.decoded[i];
      return { ...v.parse(CloseLogMessage, m), ...(decoded && { decoded }) };
    });
  return socket;
}

export function buildCloseLog(
  sockets: Iterable<ExportableSocket>,
  exportedAt: Date,
  options: CloseLogOptions = {},
): CloseLog {
  const log: CloseLog = {
    format: CLOSE_LOG_FORMAT,
    version: CLOSE_LOG_VERSION,
    exportedAt: exportedAt.toISOString(),
    sockets: [...sockets].sort((a, b) => a.createdAt - b.createdAt).map((s) => toCloseLogSocket(s, options)),
  };
  return redactCloseLog(log, options.redaction ?? DEFAULT_REDACTION);
}
