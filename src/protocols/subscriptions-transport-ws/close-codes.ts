import type { ProtocolCloseCode } from '../types';

/** What the subscriptions-transport-ws server's own closes mean. */
export function closeCode(code: number): ProtocolCloseCode | null {
  if (code === 1011) {
    return {
      code,
      name: 'Internal Error (connection refused)',
      meaning:
        'the subscriptions-transport-ws server closes with 1011 shortly after a connection_error that refused the connection_init',
      sentBy: 'subscriptions-transport-ws server',
    };
  }
  if (code === 1002) {
    return {
      code,
      name: 'Protocol Error (subprotocol)',
      meaning:
        'the subscriptions-transport-ws server closes with 1002 when the socket did not negotiate its "graphql-ws" subprotocol',
      sentBy: 'subscriptions-transport-ws server',
    };
  }
  return null;
}
