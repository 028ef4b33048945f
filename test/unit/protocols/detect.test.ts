import { describe, expect, it } from 'vitest';
import { detectProtocol } from '../../../src/protocols';
import type { MessagePreview, SocketFacts } from '../../../src/protocols';
import { loadCapture, message } from './captures';

function socket(url: string, protocol: string | null = '', protocols: string[] = []): SocketFacts {
  return { url, protocols, protocol };
}

function detected(s: SocketFacts, messages: MessagePreview[] = []) {
  const d = detectProtocol(s, messages);
  return d === null ? null : [d.protocol.id, d.detectedBy];
}

describe('detectProtocol', () => {
  it('names the negotiated subprotocol first, "graphql-ws" being the legacy protocol', () => {
    expect(detected(socket('ws://h/graphql', 'graphql-transport-ws'))).toEqual(['graphql-ws', 'subprotocol']);
    expect(detected(socket('ws://h/graphql', 'graphql-ws'))).toEqual([
      'subscriptions-transport-ws',
      'subprotocol',
    ]);
    expect(detected(socket('ws://h/x', 'v11.stomp'))).toEqual(['stomp', 'subprotocol']);
    expect(detected(socket('ws://h/x', 'mqtt'))).toEqual(['mqtt', 'subprotocol']);
    expect(detected(socket('ws://h/x', 'actioncable-v1-json'))).toEqual(['action-cable', 'subprotocol']);
    expect(detected(socket('ws://h/x', 'wamp.2.json'))).toEqual(['wamp', 'subprotocol']);
  });

  it('then the URL, before a requested subprotocol the server did not confirm', () => {
    expect(detected(socket('ws://h/socket.io/?EIO=4&transport=websocket', '', ['mqtt']))).toEqual([
      'socket-io',
      'url',
    ]);
    expect(detected(socket('ws://h/echo/123/a1b2c3d4/websocket'))).toEqual(['sockjs', 'url']);
    expect(detected(socket('ws://h/socket/websocket?vsn=2.0.0'))).toEqual(['phoenix', 'url']);
    expect(detected(socket('ws://h/cable'))).toEqual(['action-cable', 'url']);
    expect(detected(socket('ws://h/chat?id=Xk3vbQ5V0bLx2dN8p9mE1w'))).toEqual(['signalr', 'url']);
    expect(detected(socket('ws://h/x', null, ['v12.stomp']))).toEqual(['stomp', 'subprotocol']);
    expect(detectProtocol(socket('ws://h/x', null, ['v12.stomp']), [])?.evidence).toBe(
      'requested subprotocol v12.stomp (not confirmed by the server)',
    );
  });

  it('takes a SignalR-shaped URL back when the first message the page sends is no SignalR handshake', () => {
    const s = socket('ws://h/chat?id=Xk3vbQ5V0bLx2dN8p9mE1w');
    expect(detectProtocol(s, [])?.evidence).toBe(
      'URL /chat?id=Xk3vbQ5V0bLx2dN8p9mE1w (no handshake seen yet to confirm it)',
    );
    const handshake = message('sent', '{"protocol":"json","version":1}\u001e');
    expect(detectProtocol(s, [message('received', 'x'), handshake])?.evidence).toBe(
      'URL /chat?id=Xk3vbQ5V0bLx2dN8p9mE1w, confirmed by its handshake',
    );
    expect(detected(s, [message('sent', '{"op":"hello"}')])).toBeNull();
    // A protocol whose own messages follow is still found by them.
    expect(detected(s, [message('sent', '{"jsonrpc":"2.0","method":"a","id":1}')])).toEqual([
      'json-rpc',
      'content',
    ]);
  });

  it('does not take look-alike URLs for a protocol', () => {
    expect(detected(socket('ws://h/socket.io/?EIO=3&transport=websocket'))).toBeNull();
    expect(detected(socket('ws://h/api?id=5'))).toBeNull();
    expect(detected(socket('ws://h/api/v1/websocket'))).toBeNull();
    expect(detected(socket('not a url'))).toBeNull();
  });

  it('then the first messages', () => {
    const mqttConnect = loadCapture('mqtt').sockets[0]?.messages[0];
    if (mqttConnect === undefined) throw new Error('capture without its CONNECT');
    expect(detected(socket('ws://h/x'), [mqttConnect])).toEqual(['mqtt', 'content']);
    expect(detected(socket('ws://h/x'), [message('sent', 'CONNECT\naccept-version:1.2\n\n\0')])).toEqual([
      'stomp',
      'content',
    ]);
    expect(detected(socket('ws://h/x'), [message('received', 'o')])).toEqual(['sockjs', 'content']);
    expect(detected(socket('ws://h/x'), [message('sent', '{"protocol":"json","version":1}\u001e')])).toEqual([
      'signalr',
      'content',
    ]);
    expect(detected(socket('ws://h/x'), [message('sent', '[null,"1","phoenix","heartbeat",{}]')])).toEqual([
      'phoenix',
      'content',
    ]);
    expect(detected(socket('ws://h/x'), [message('received', '{"type":"welcome"}')])).toEqual([
      'action-cable',
      'content',
    ]);
    expect(detected(socket('ws://h/x'), [message('sent', '[1,"realm1",{"roles":{}}]')])).toEqual([
      'wamp',
      'content',
    ]);
    expect(detected(socket('ws://h/x'), [message('sent', '{"jsonrpc":"2.0","method":"a","id":1}')])).toEqual([
      'json-rpc',
      'content',
    ]);
  });

  it('connection_init alone does not tell the two GraphQL protocols apart; what follows does', () => {
    const init = message('sent', '{"type":"connection_init"}');
    expect(detected(socket('ws://h/x'), [init])).toBeNull();
    expect(
      detected(socket('ws://h/x'), [init, message('sent', '{"id":"1","type":"subscribe","payload":{}}')]),
    ).toEqual(['graphql-ws', 'content']);
    expect(detected(socket('ws://h/x'), [init, message('received', '{"type":"ka"}')])).toEqual([
      'subscriptions-transport-ws',
      'content',
    ]);
  });

  it("the user's choice wins over everything", () => {
    expect(detectProtocol(socket('ws://h/x', 'mqtt'), [], 'json-rpc')).toMatchObject({
      protocol: { id: 'json-rpc' },
      detectedBy: 'user',
    });
  });
});
