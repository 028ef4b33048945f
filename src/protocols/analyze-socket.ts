import { explainAppClose } from './app-close';
import { decodeMessages } from './decode-socket';
import { detectProtocol } from './detect';
import type {
  AppCloseFacts,
  AppCloseInfo,
  DecodedMessage,
  Detection,
  MessagePreview,
  ProtocolId,
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
 */
export function analyzeSocket(
  socket: SocketFacts,
  messages: readonly MessagePreview[],
  close: AppCloseFacts | null,
  override: ProtocolId | null = null,
): SocketAnalysis | null {
  const detection = detectProtocol(socket, messages, override);
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
