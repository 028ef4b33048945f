import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

const REASONS: Readonly<Record<string, string>> = {
  unauthorized: "the connection was refused: the server's connect raised UnauthorizedError",
  server_restart: 'the Action Cable server is restarting',
  remote: 'the application disconnected this connection from elsewhere (remote_connections ... disconnect)',
  invalid_request: 'the request was not a valid WebSocket request or its origin is not allowed',
};

/** {"type":"disconnect","reason":...,"reconnect":bool}: the server then closes the WebSocket with 1000. */
export function disconnectGoodbye(reason: string | undefined, reconnect: boolean | undefined): AppGoodbye {
  const meaning = reason !== undefined && Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  const next =
    reconnect === false
      ? 'reconnect is false, so the client stops and does not reconnect'
      : reconnect === true
        ? 'reconnect is true, so the client reconnects'
        : 'no reconnect flag was sent';
  const g: AppGoodbye = {
    protocol: 'action-cable',
    name: 'disconnect',
    explanation: `The server disconnected the client${meaning === undefined ? '' : `: ${meaning}`}; ${next}. The server then closes the WebSocket.`,
    reconnect: reconnect ?? null,
  };
  if (reason !== undefined) g.reason = oneLine(reason);
  return g;
}
