import { describe, expect, it } from 'vitest';
import { detectProtocol } from '../../../src/protocols';
import { cloneState } from '../../../src/protocols/shared/clone-state';
import { loadCapture } from './captures';

const CAPTURES = [
  'action-cable',
  'graphql-ws',
  'mqtt',
  'phoenix',
  'signalr',
  'socket-io',
  'sockjs',
  'stomp',
  'stomp-sockjs',
];

describe('ProtocolSession.fork', () => {
  for (const name of CAPTURES) {
    it(`${name}: a fork taken at any message decodes the rest exactly as the session does`, () => {
      for (const s of loadCapture(name).sockets) {
        const detection = detectProtocol(s.socket, s.messages);
        if (detection === null) throw new Error(`${name}: nothing detected for ${s.socket.url}`);
        const session = detection.protocol.createSession(s.socket);
        const straight = s.messages.map((m) => session.decode(m));
        for (let at = 0; at < s.messages.length; at++) {
          const before = detection.protocol.createSession(s.socket);
          for (const m of s.messages.slice(0, at)) before.decode(m);
          const fork = before.fork();
          const rest = s.messages.slice(at).map((m) => fork.decode(m));
          expect(rest).toEqual(straight.slice(at));
          // The session it was forked from still stands where it was.
          expect(s.messages.slice(at).map((m) => before.decode(m))).toEqual(straight.slice(at));
        }
      }
    });
  }
});

describe('cloneState', () => {
  it('copies plain data, Maps, Sets and bytes deeply, and forks what can fork', () => {
    const inner = { fork: () => ({ forked: true }) };
    const state = {
      n: 1,
      list: [{ a: 1 }],
      map: new Map([['k', { v: 1 }]]),
      set: new Set([1]),
      bytes: new Uint8Array([1, 2]),
      inner,
    };
    const copy = cloneState(state);
    expect(copy).toEqual({ ...state, inner: { forked: true } });
    copy.list[0] = { a: 2 };
    copy.map.set('k', { v: 2 });
    copy.set.add(2);
    copy.bytes[0] = 9;
    expect(state.list[0]).toEqual({ a: 1 });
    expect(state.map.get('k')).toEqual({ v: 1 });
    expect(state.set.has(2)).toBe(false);
    expect(state.bytes[0]).toBe(1);
  });
});
