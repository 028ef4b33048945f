import * as v from 'valibot';
import type { CloseLog, CloseLogSocket } from '../export/close-log-schema';
import { SUMMARY_FIELDS } from '../export/close-log-schema';
import type { FileAppFacts, MessageRecord } from '../log/socket-record';
import type { WireReport, WorkerInfo } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import { SocketSummary } from '../protocol/socket-summary';

/** Imported sockets live in a document of their own, numbered in file order. */
export const IMPORTED_DOC = 'imported';

/** One socket of an imported log, in the form the live log holds sockets in. */
export interface ImportedSocket {
  summary: SocketSummary;
  frameId: number;
  handshake: HandshakeReport | null;
  worker: WorkerInfo | null;
  wire: WireReport | null;
  messages: MessageRecord[];
  /** What the file said of its application protocol, when it said anything. */
  fromFile?: FileAppFacts;
}

export interface ImportedLog {
  /** When the file was exported (epoch ms): sockets still alive then are measured to it. */
  exportedAt: number;
  /** What the file says about its secrets; absent in files written before redaction existed. */
  redaction: CloseLog['redaction'];
  sockets: ImportedSocket[];
}

/**
 * The fields the summary shares with the close log, copied through the summary's own schema
 * (the close log's are the same schemas, so a validated file always passes).
 */
const SharedFields = v.pick(SocketSummary, SUMMARY_FIELDS);

/**
 * A validated close log as plain data for a read-only view: the inverse of buildCloseLog, so an
 * import exports back to the same file. Ids key the views, and a hand-edited file may repeat
 * one: repeats get a suffix.
 */
export function closeLogToSockets(log: CloseLog): ImportedLog {
  const seen = new Set<string>();
  return {
    exportedAt: Date.parse(log.exportedAt),
    redaction: log.redaction,
    sockets: log.sockets.map((s, i) => {
      let id = s.id;
      for (let n = 2; seen.has(id); n++) id = `${s.id} (${n})`;
      seen.add(id);
      return importedSocket(s, id, i + 1);
    }),
  };
}

function importedSocket(s: CloseLogSocket, id: string, socket: number): ImportedSocket {
  return {
    summary: {
      id,
      doc: IMPORTED_DOC,
      socket,
      ...v.parse(SharedFields, s),
      close: s.close && {
        code: s.close.code,
        reason: s.close.reason,
        wasClean: s.close.wasClean,
        // Files written before `close.at` existed: the socket's close time is the best known.
        at: s.close.at ?? s.closedAt ?? s.createdAt,
      },
      injected: s.injection && { ...s.injection },
    },
    frameId: s.frameId,
    handshake: s.handshake && { ...s.handshake },
    worker: s.worker && { ...s.worker },
    wire: s.wire && { ...s.wire, headers: s.wire.headers && s.wire.headers.map((h) => ({ ...h })) },
    // A message's decoding is made again from its preview, with the socket's protocol.
    messages: (s.messages ?? []).map(({ decoded: _decoded, ...m }, j) => ({
      type: 'message',
      socket,
      seq: j + 1,
      ...m,
    })),
    ...fileAppFacts(s),
  };
}

/** The file's application protocol and goodbye: they outrank detection, and stand in for previews not exported. */
function fileAppFacts(s: CloseLogSocket): { fromFile?: FileAppFacts } {
  const appProtocol = s.appProtocol ? { id: s.appProtocol.id, detectedBy: s.appProtocol.detectedBy } : null;
  const application = s.close?.application ?? null;
  return appProtocol || application ? { fromFile: { appProtocol, application } } : {};
}
