import type { ExportableSocket } from '../../../src/export/close-log';
import { ev } from '../event-builders';
import { exportableSockets } from './export-fixture';

/** A JWT-shaped token, for the redaction of decoded text. */
export const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';

/**
 * Sockets of three application protocols as the store holds them: a Socket.IO session the
 * server ended with a disconnect packet (recognised by its URL), a graphql-transport-ws socket
 * the server closed with 4401 (by its subprotocol), and a Phoenix channel refused with a
 * phx_reply error whose topic carries a token.
 */
export function appProtocolFixture(): ExportableSocket[] {
  const events = [
    ev.created(1, 1, 'ws://h.test/socket.io/?EIO=4&transport=websocket'),
    ev.open(1, 2),
    ev.message(1, 3, '0{"sid":"a","upgrades":[],"pingInterval":25000,"pingTimeout":20000}', 'received'),
    ev.message(1, 4, '40', 'sent'),
    ev.message(1, 5, '40{"sid":"b"}', 'received'),
    ev.message(1, 6, '42["chat:message","hi"]', 'received'),
    ev.message(1, 7, '41', 'received'),
    ev.closed(1, 8, 1005, true),
    { ...ev.created(2, 9, 'ws://h.test/graphql'), protocols: ['graphql-transport-ws'] },
    { ...ev.open(2, 10), protocol: 'graphql-transport-ws' },
    ev.closed(2, 11, 4401, true, 'Unauthorized'),
    ev.created(3, 12, 'ws://h.test/socket/websocket?vsn=2.0.0'),
    ev.open(3, 13),
    ev.message(3, 14, `["1","1","room:${JWT}","phx_join",{}]`, 'sent'),
    ev.message(3, 15, `["1","1","room:${JWT}","phx_reply",{"status":"error","response":{}}]`, 'received'),
    ev.closed(3, 16, 1000, true),
  ];
  return exportableSockets(events);
}
