import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

/** A Close message (type 7): clean without error, else the server's error and whether to retry. */
export function closeGoodbye(
  dir: 'sent' | 'received',
  error: string | undefined,
  allowReconnect: boolean | undefined,
): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'signalr',
    name: 'Close',
    explanation:
      error === undefined
        ? `The ${dir === 'sent' ? 'client (connection.stop())' : 'server'} closed the hub connection cleanly.`
        : `The server closed the hub connection with an error; the JavaScript client reports "Server returned an error on close: ${oneLine(error, 120)}"${allowReconnect === true ? ' and, with automatic reconnect enabled, reconnects' : ' and does not reconnect'}.`,
    reconnect: allowReconnect === true,
  };
  if (error !== undefined) g.reason = oneLine(error);
  return g;
}

export function handshakeErrorGoodbye(error: string): AppGoodbye {
  return {
    protocol: 'signalr',
    name: 'Handshake error',
    reason: oneLine(error),
    explanation: `The server refused the handshake ("Server returned handshake error: ${oneLine(error, 120)}") and closes the connection.`,
    reconnect: false,
  };
}
