import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

/** ERROR: the server's account of what went wrong; 1.2 servers must close right after it. */
export function errorGoodbye(message: string | undefined, body: string, version: string | null): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'stomp',
    name: 'ERROR',
    explanation:
      `The STOMP server reported an error${body.trim() === '' ? '' : ` (details: ${oneLine(body, 120)})`}. ` +
      (version === '1.2'
        ? 'A STOMP 1.2 server closes the connection right after an ERROR frame.'
        : 'A STOMP server usually closes the connection after an ERROR frame.'),
    reconnect: null,
  };
  if (message !== undefined) g.reason = oneLine(message);
  return g;
}

export function disconnectGoodbye(receipt: string | undefined): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'stomp',
    name: 'DISCONNECT',
    explanation: `The client disconnected gracefully${receipt === undefined ? '' : ` and asked for receipt ${oneLine(receipt, 60)}`}; stompjs then closes the WebSocket without a code.`,
    reconnect: false,
  };
  if (receipt !== undefined) g.code = oneLine(receipt, 60);
  return g;
}
