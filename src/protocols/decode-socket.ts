import type { DecodedMessage, MessagePreview, Protocol, ProtocolSession, SocketFacts } from './types';

/** A socket's messages decoded in order: the panel's live path decodes one at a time through a session. */
export function decodeMessages(
  protocol: Protocol,
  socket: SocketFacts,
  messages: readonly MessagePreview[],
): { session: ProtocolSession; decoded: DecodedMessage[] } {
  const session = protocol.createSession(socket);
  return { session, decoded: messages.map((message) => ({ message, decoded: session.decode(message) })) };
}
