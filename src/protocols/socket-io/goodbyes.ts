import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

export function disconnectGoodbye(dir: 'sent' | 'received', namespace: string): AppGoodbye {
  return dir === 'received'
    ? {
        protocol: 'socket-io',
        name: 'DISCONNECT',
        reason: 'io server disconnect',
        explanation: `The server disconnected this client from namespace ${namespace} (socket.disconnect() on the server); socket.io-client reports "io server disconnect" and does not reconnect by itself.`,
        reconnect: false,
      }
    : {
        protocol: 'socket-io',
        name: 'DISCONNECT',
        reason: 'io client disconnect',
        explanation: `The client left namespace ${namespace} (socket.disconnect() in the page); socket.io-client reports "io client disconnect" and does not reconnect.`,
        reconnect: false,
      };
}

export function connectErrorGoodbye(namespace: string, message: string | undefined): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'socket-io',
    name: 'CONNECT_ERROR',
    explanation: `The server refused the connection to namespace ${namespace} (a middleware error or an unknown namespace); socket.io-client emits connect_error and does not retry it by itself.`,
    reconnect: false,
  };
  if (message !== undefined) g.reason = oneLine(message);
  return g;
}

export function engineIoCloseGoodbye(dir: 'sent' | 'received'): AppGoodbye {
  return {
    protocol: 'socket-io',
    name: 'Engine.IO close',
    explanation: `The ${dir === 'sent' ? 'client' : 'server'} sent an Engine.IO close packet: it ends the whole Engine.IO session.`,
    reconnect: null,
  };
}
