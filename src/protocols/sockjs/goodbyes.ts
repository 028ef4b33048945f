import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

/** Known pairs from sockjs-node and the SockJS protocol tests; any other code is the application's. */
function meaning(code: number, reason: string): string {
  if (code === 3000 && reason === 'Go away!') {
    return 'the close that the SockJS protocol tests use as their example; the code is chosen by the application, not defined by SockJS';
  }
  if (code === 3000 && reason === 'No response from heartbeat')
    return 'sockjs-node got no answer to its WebSocket ping within 10 s';
  if (code === 2010) return 'the server already has a receiving connection for this session';
  if (code === 1000) return 'the default code of a SockJS server connection close()';
  if (code === 1002 && reason === 'Connection interrupted')
    return 'the previous receiving connection of this session was interrupted';
  return 'a code chosen by the server application';
}

/** The `c[code,"reason"]` frame: the SockJS server's own close, inside the stream. */
export function closeFrameGoodbye(code: number | undefined, reason: string | undefined): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'sockjs',
    name: 'close frame',
    explanation:
      code === undefined
        ? 'The server closed the SockJS session.'
        : `The server closed the SockJS session with ${code}: ${meaning(code, reason ?? '')}. sockjs-node then closes the WebSocket itself with 1000, so this code is only in the stream; sockjs-client reports it in its close event and does not reconnect by itself.`,
    reconnect: false,
  };
  if (code !== undefined) g.code = code;
  if (reason !== undefined) g.reason = oneLine(reason);
  return g;
}
