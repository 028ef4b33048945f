import { explainAppClose } from './app-close';
import { decodeMessages } from './decode-socket';
import { detectProtocol } from './detect';
import type {
  AppCloseFacts,
  AppCloseInfo,
  DecodedMessage,
  Detection,
  MessagePreview,
  SocketFacts,
} from './types';

export interface SocketAnalysis {
  detection: Detection;
  messages: DecodedMessage[];
  /** Null while the socket is open. */
  close: AppCloseInfo | null;
}

/**
 * Detection, decoding and the application-level close of one socket at once: for exports and
 * tests. The live panel keeps a ProtocolSession per socket instead and decodes as messages come.
 * `known` is a detection made elsewhere (the panel's, which saw first messages since dropped and
 * the user's Decode as); absent, the socket's own facts and messages decide.
 */
export function analyzeSocket(
  socket: SocketFacts,
  messages: readonly MessagePreview[],
  close: AppCloseFacts | null,
  known?: Detection | null,
): SocketAnalysis | null {
  const detection = known === undefined ? detectProtocol(socket, messages) : known;
  if (detection === null) return null;
  const { session, decoded } = decodeMessages(detection.protocol, socket, messages);
  const info =
    close === null
      ? null
      : explainAppClose({
          protocol: detection.protocol,
          messages: decoded,
          heartbeat: session.heartbeat(),
          close,
        });
  return { detection, messages: decoded, close: info };
}
