// Per-message decoding cost on captured traffic, the way the panel will decode: one session per
// socket, messages in order. Run: npx vitest bench --run test/unit/protocols
import { bench, describe } from 'vitest';
import { detectProtocol } from '../../../src/protocols';
import type { MessagePreview } from '../../../src/protocols';
import { loadCapture } from './captures';

/** 1000 messages of one capture's busiest socket, repeated in order (renumbered, times kept increasing). */
function stream(name: string, n = 1000) {
  const sockets = loadCapture(name).sockets;
  const busiest = sockets.reduce((a, b) => (b.messages.length > a.messages.length ? b : a));
  const messages: MessagePreview[] = [];
  for (let i = 0; messages.length < n; i++) {
    const m = busiest.messages[i % busiest.messages.length];
    if (m !== undefined)
      messages.push({ ...m, seq: i + 1, t: m.t + Math.floor(i / busiest.messages.length) });
  }
  const detection = detectProtocol(busiest.socket, messages);
  if (detection === null) throw new Error(`${name}: not detected`);
  return { socket: busiest.socket, messages, protocol: detection.protocol };
}

describe('decode 1000 messages in order (divide the mean by 1000 for µs/message)', () => {
  for (const name of [
    'socket-io',
    'mqtt',
    'stomp',
    'sockjs',
    'signalr',
    'phoenix',
    'action-cable',
    'graphql-ws',
  ]) {
    const { socket, messages, protocol } = stream(name);
    bench(name, () => {
      const session = protocol.createSession(socket);
      for (const m of messages) session.decode(m);
    });
  }
  const big = stream('socket-io');
  const long = big.messages.map((m, i) =>
    m.kind === 'text'
      ? { ...m, preview: `42["tick",{"n":${i},"pad":"${'x'.repeat(1000)}"}]`.slice(0, 1024), truncated: true }
      : m,
  );
  bench('socket-io, 1024-char truncated events', () => {
    const session = big.protocol.createSession(big.socket);
    for (const m of long) session.decode(m);
  });
});
