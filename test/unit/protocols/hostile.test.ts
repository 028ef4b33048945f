import { describe, expect, it } from 'vitest';
import { PROTOCOLS } from '../../../src/protocols';
import type { Decoded, MessagePreview } from '../../../src/protocols';
import { decode as actionCable } from '../../../src/protocols/action-cable/decode';
import { decode as graphqlWs } from '../../../src/protocols/graphql-ws/decode';
import { decode as jsonRpc } from '../../../src/protocols/json-rpc/decode';
import * as mqtt from '../../../src/protocols/mqtt/decode';
import { createSession as mqttSession } from '../../../src/protocols/mqtt/session';
import * as phoenix from '../../../src/protocols/phoenix/decode';
import { createSession as phoenixSession } from '../../../src/protocols/phoenix/session';
import * as signalr from '../../../src/protocols/signalr/decode';
import { createSession as signalrSession } from '../../../src/protocols/signalr/session';
import * as socketIo from '../../../src/protocols/socket-io/decode';
import { createSession as socketIoSession } from '../../../src/protocols/socket-io/session';
import * as sockjs from '../../../src/protocols/sockjs/decode';
import { createSession as sockjsSession } from '../../../src/protocols/sockjs/session';
import * as stomp from '../../../src/protocols/stomp/decode';
import { createSession as stompSession } from '../../../src/protocols/stomp/session';
import * as legacy from '../../../src/protocols/subscriptions-transport-ws/decode';
import { createSession as legacySession } from '../../../src/protocols/subscriptions-transport-ws/session';
import { decode as wamp } from '../../../src/protocols/wamp/decode';
import { MAX_LINE } from '../../../src/protocols/shared/text';

type Captured = MessagePreview & { preview: string };

/** Each decoder as its module exports it, without the registry's guard: a throw here is a bug. */
const RAW: Record<string, () => (m: Captured) => Decoded> = {
  'socket-io': () =>
    (
      (s) => (m: Captured) =>
        socketIo.decode(m, s)
    )(socketIoSession()),
  sockjs: () =>
    (
      (s) => (m: Captured) =>
        sockjs.decode(m, s)
    )(sockjsSession({ url: 'ws://h/', protocols: [], protocol: null })),
  stomp: () =>
    (
      (s) => (m: Captured) =>
        stomp.decode(m, s)
    )(stompSession()),
  mqtt: () =>
    (
      (s) => (m: Captured) =>
        mqtt.decode(m, s)
    )(mqttSession()),
  signalr: () =>
    (
      (s) => (m: Captured) =>
        signalr.decode(m, s)
    )(signalrSession()),
  'graphql-ws': () => graphqlWs,
  'subscriptions-transport-ws': () =>
    (
      (s) => (m: Captured) =>
        legacy.decode(m, s)
    )(legacySession()),
  phoenix: () =>
    (
      (s) => (m: Captured) =>
        phoenix.decode(m, s)
    )(phoenixSession()),
  'action-cable': () => actionCable,
  wamp: () => wamp,
  'json-rpc': () => jsonRpc,
};

const MB = 1_000_000;
const TEXT = [
  '['.repeat(200_000),
  '{"a":'.repeat(100_000),
  `"${'a'.repeat(MB)}"`,
  `{"type":"${'x'.repeat(MB)}"}`,
  '{"__proto__":{"type":"ping","polluted":1},"type":"subscribe","payload":{"__proto__":{"query":"x"}}}',
  '["\ud800","\udfff\ud800",{"\ud83d":1}]\u001e{"type":1,"target":"\udc00"}\u001e',
  '\u0000\u0001\u001f<script>alert(1)</script>\u2028',
  `42${'['.repeat(100_000)}`,
  `451-${'['.repeat(50_000)}`,
  `a${'["x",'.repeat(50_000)}`,
  `c[${'9'.repeat(10_000)},"x"]`,
  `CONNECT\n${'h:v\n'.repeat(200_000)}\n\0`,
  `MESSAGE\n${'destination:/a\n'.repeat(10)}\n${'\0'.repeat(10_000)}`,
  '\n'.repeat(100_000),
  `${'{"type":6}\u001e'.repeat(10_000)}`,
  `[null,null,"${'t'.repeat(MB)}","phx_join",{}]`,
  '[8,8,8,8,8,8,8]',
  // SockJS frames that carry STOMP, for the decoder inside the decoder.
  JSON.stringify(['CONNECT\n\n\0', `ERROR\n${'h:v\n'.repeat(50_000)}\n\0`, '\n'.repeat(1000)]),
  `a${JSON.stringify(['CONNECTED\n\n\0', `MESSAGE\ndestination:${'\ud800'.repeat(1000)}\n\n\0`])}`,
  '{"jsonrpc":"2.0","method":{"toString":1}}',
  '',
];
const HEX = [
  `30${'ff'.repeat(3)}7f${'00'.repeat(100)}`,
  `${'ff'.repeat(4)}01`,
  `10${'80'.repeat(10)}`,
  'e0' + 'ff'.repeat(127),
  `${'c000'.repeat(5000)}`,
  `82ffffff7f0001ffff${'61'.repeat(300)}`,
  '20ff7f00ff' + '1f'.repeat(200),
  '00'.repeat(256),
  'zz'.repeat(10),
  '0',
  `01${'ff'.repeat(255)}`,
];

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('every decoder on hostile input', () => {
  it('never throws, stays bounded and returns plain data, text or binary, whole or truncated', () => {
    const started = performance.now();
    for (const [name, make] of Object.entries(RAW)) {
      for (const dir of ['sent', 'received'] as const) {
        const decode = make();
        const inputs: Captured[] = [
          ...TEXT.map((preview, i): Captured => ({
            seq: i,
            t: i,
            dir,
            kind: 'text',
            size: preview.length,
            preview,
            truncated: i % 2 === 0,
          })),
          ...HEX.map((preview, i): Captured => ({
            seq: i,
            t: i,
            dir,
            kind: 'binary',
            size: i % 2 === 0 ? 0xfffffff : preview.length / 2,
            preview,
            truncated: i % 2 === 0,
          })),
        ];
        for (const m of inputs) {
          let d: Decoded | undefined;
          expect(() => (d = decode(m)), `${name} ${dir} ${m.preview.slice(0, 30)}`).not.toThrow();
          if (d === undefined) continue;
          expect(d.summary.length, name).toBeLessThanOrEqual(MAX_LINE + 10);
          if (d.event !== undefined) expect(d.event.length).toBeLessThanOrEqual(MAX_LINE);
          const json = JSON.stringify(d);
          expect(json.length, `${name} output for ${m.preview.slice(0, 30)}`).toBeLessThan(200_000);
          for (const s of strings(d))
            expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('through the registry, a preview longer than any recorder keeps is cut and marked partial', () => {
    for (const p of PROTOCOLS) {
      const session = p.createSession({ url: 'ws://h/', protocols: [], protocol: null });
      const d = session.decode({
        seq: 1,
        t: 0,
        dir: 'received',
        kind: 'text',
        size: 5 * MB,
        preview: `"${'a'.repeat(5 * MB)}`,
        truncated: false,
      });
      expect(typeof d.summary, p.id).toBe('string');
      expect(
        session.decode({
          seq: 2,
          t: 0,
          dir: 'received',
          kind: 'binary',
          size: 9,
          preview: null,
          truncated: false,
        }),
      ).toMatchObject({ type: 'not captured', partial: true });
    }
  });
});
