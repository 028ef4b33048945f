import type { CloseExplanation } from '../close-codes/types';
import { withAppProtocol } from '../log/app-protocols/app-explanation';
import { appCloseFacts, fileDetection, socketFacts } from '../log/app-protocols/inputs';
import type { FileAppFacts, MessageRecord } from '../log/socket-record';
import { analyzeSocket } from '../protocols';
import type { Decoded, Detection, ProtocolId, SeenGoodbye } from '../protocols';
import type { SocketSummary } from '../protocol/socket-summary';
import type { CloseLogAppProtocol, CloseLogApplicationClose, CloseLogDecoded } from './close-log-schema';

/** What a socket's application protocol adds to its close log entry. */
export interface AppProtocolFacts {
  appProtocol: CloseLogAppProtocol;
  /** Each of the messages given, decoded, in their order. */
  decoded: CloseLogDecoded[];
  /** The application's last goodbye before the close, if one was seen (or the file said so). */
  application: CloseLogApplicationClose | null;
  /** The browser's close explained as the panel explains it: the protocol's own codes first. */
  explain(x: CloseExplanation): CloseExplanation;
}

/**
 * The socket's application protocol, its messages decoded and its close as the application
 * told it, for an export: what the panel shows, so a file says what the user saw. `detection`
 * is the panel's (undefined: what an imported file said, else detected here from the socket's
 * own facts; null: none, as with Decode as "none"). Null when the socket has no protocol.
 */
export function appProtocolFacts(
  s: SocketSummary & { fromFile?: FileAppFacts },
  messages: readonly MessageRecord[],
  detection?: Detection | null,
): AppProtocolFacts | null {
  const known = detection === undefined ? (fileDetection(s) ?? undefined) : detection;
  const analysis = analyzeSocket(socketFacts(s), messages, appCloseFacts(s), known);
  if (analysis === null) return null;
  const { protocol, detectedBy } = analysis.detection;
  const app = analysis.close;
  const goodbye = app?.goodbye ?? null;
  return {
    appProtocol: { id: protocol.id, name: protocol.name, detectedBy },
    decoded: analysis.messages.map(({ decoded }) => decodedRecord(protocol.id, decoded)),
    application: goodbye ? applicationRecord(goodbye) : (s.fromFile?.application ?? null),
    explain: (x) => withAppProtocol(x, protocol, app?.closeCode ?? null, app),
  };
}

/** Within the close log schema's limits, so a file always imports again (decoders clip far below them). */
const fit = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function decodedRecord(protocol: ProtocolId, d: Decoded): CloseLogDecoded {
  return {
    protocol,
    type: fit(d.type, 256),
    summary: fit(d.summary, 1024),
    ...(d.partial === true && { partial: true }),
    ...(d.error !== undefined && { error: fit(d.error, 1024) }),
  };
}

function applicationRecord(g: SeenGoodbye): CloseLogApplicationClose {
  return {
    protocol: g.protocol,
    ...(g.code !== undefined && { code: typeof g.code === 'string' ? fit(g.code, 64) : g.code }),
    ...(g.reason !== undefined && { reason: fit(g.reason, 1024) }),
    ...(g.name !== undefined && { name: fit(g.name, 256) }),
    explanation: fit(g.explanation, 4096),
    ...(g.reconnect !== undefined && { reconnect: g.reconnect }),
  };
}
