import { describe, expect, it } from 'vitest';
import { graphqlWs } from '../../../../src/protocols/graphql-ws';
import { closeCode } from '../../../../src/protocols/graphql-ws/close-codes';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, message, summaries } from '../captures';

function run(...messages: MessagePreview[]) {
  const session = graphqlWs.createSession({
    url: 'ws://h/graphql',
    protocols: ['graphql-transport-ws'],
    protocol: 'graphql-transport-ws',
  });
  return messages.map((m) => session.decode(m));
}

// test/fixtures/captures/graphql-ws.json: graphql-ws 6.4.2 client and server, then a raw socket, in Chromium.
describe('graphql-transport-ws on captured traffic', () => {
  const [query, unauthorized] = analyzeCapture('graphql-ws');

  it('decodes init, ack, subscribe with its operation name, next, complete', () => {
    expect(query && summaries(query).map((s) => s.replace(/[0-9a-f-]{36}/, 'ID'))).toEqual([
      'connection_init',
      'connection_ack',
      'subscribe ID query Greeting',
      'next ID',
      'complete ID',
    ]);
    expect(query?.messages[2]?.decoded.event).toBe('Greeting');
  });

  it("4401 is explained with the protocol's own meaning", () => {
    expect(unauthorized?.close?.closeCode).toMatchObject({ code: 4401, name: 'Unauthorized' });
    expect(unauthorized?.close?.lines).toEqual([
      expect.stringMatching(
        /^For GraphQL over WebSocket \(graphql-transport-ws\), close code 4401 means Unauthorized: the client subscribed before/,
      ),
    ]);
  });
});

describe('graphql-transport-ws messages and codes', () => {
  it('ping and pong are heartbeats; errors list their messages', () => {
    const out = run(
      message('received', '{"type":"ping"}'),
      message('sent', '{"type":"pong"}'),
      message('received', '{"id":"1","type":"error","payload":[{"message":"boom"},{"message":"bang"}]}'),
    );
    expect(out.map((d) => [d.summary, d.heartbeat])).toEqual([
      ['ping', 'ping'],
      ['pong', 'pong'],
      ['error 1 "boom; bang"', undefined],
    ]);
  });

  it('the first root field names an anonymous operation', () => {
    const [d] = run(
      message('sent', '{"id":"2","type":"subscribe","payload":{"query":"subscription { count(to: 3) }"}}'),
    );
    expect(d).toMatchObject({ summary: 'subscribe 2 subscription count', event: 'count' });
  });

  it('knows every close code of the protocol and library, and nothing else', () => {
    for (const code of [4400, 4401, 4403, 4406, 4408, 4409, 4429, 4499, 4500, 4004, 4005, 4504])
      expect(closeCode(code)?.code).toBe(code);
    expect(closeCode(4402)).toBeNull();
    expect(closeCode(1000)).toBeNull();
    expect(closeCode(4403)?.retry).toMatch(/retry it/);
    expect(closeCode(4401)?.retry).toMatch(/fatal/);
  });

  it('an unknown type is shown as such', () => {
    expect(run(message('received', '{"type":"data"}'))[0]?.error).toBe(
      'not a graphql-transport-ws message type',
    );
  });
});
