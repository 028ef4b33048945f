import { describe, expect, it } from 'vitest';
import { subscriptionsTransportWs } from '../../../../src/protocols/subscriptions-transport-ws';
import type { MessagePreview } from '../../../../src/protocols';
import { message } from '../captures';

// No subscriptions-transport-ws package is installed (deprecated, unmaintained): messages follow
// its PROTOCOL.md and src/message-types.ts.
function run(...messages: MessagePreview[]) {
  const session = subscriptionsTransportWs.createSession({
    url: 'ws://h/graphql',
    protocols: ['graphql-ws'],
    protocol: 'graphql-ws',
  });
  return { decoded: messages.map((m) => session.decode(m)), session };
}

describe('subscriptions-transport-ws', () => {
  it('decodes its message types, old names included', () => {
    const { decoded } = run(
      message('sent', '{"type":"connection_init","payload":{}}'),
      message('received', '{"type":"connection_ack"}'),
      message('sent', '{"id":"1","type":"start","payload":{"query":"subscription OnPrice { price }"}}'),
      message('received', '{"id":"1","type":"data","payload":{"data":{"price":1}}}'),
      message('received', '{"type":"keepalive"}'),
      message('sent', '{"id":"1","type":"stop"}'),
    );
    expect(decoded.map((d) => d.summary)).toEqual([
      'connection_init',
      'connection_ack',
      'start 1 subscription OnPrice',
      'data 1',
      'ka (keep-alive)',
      'stop 1',
    ]);
    expect(decoded[2]?.event).toBe('OnPrice');
  });

  it("ka is a heartbeat, and once seen the client's 30 s timeout applies", () => {
    const { decoded, session } = run(message('received', '{"type":"ka"}'));
    expect(decoded[0]?.heartbeat).toBe('ping');
    expect(session.heartbeat()).toMatchObject({ timeoutMs: 30_000, intervalMs: null });
    expect(run().session.heartbeat()).toBeNull();
  });

  it('connection_error and connection_terminate are goodbyes; 1011 after a refusal has its meaning', () => {
    const { decoded } = run(
      message('received', '{"type":"connection_error","payload":{"message":"Invalid token"}}'),
      message('sent', '{"type":"connection_terminate"}'),
    );
    expect(decoded[0]?.goodbye).toMatchObject({ name: 'connection_error', reason: 'Invalid token' });
    expect(decoded[1]?.goodbye).toMatchObject({ name: 'connection_terminate', reconnect: false });
    expect(subscriptionsTransportWs.closeCode(1011, '')?.name).toMatch(/connection refused/);
  });
});
