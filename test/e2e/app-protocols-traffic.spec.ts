// The application-protocol decoders on real traffic: each client library runs its session in a
// page with the recorder injected (no extension), and what the recorder kept is detected,
// decoded and explained the way the panel will. Chromium only.
import { chromium, expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { analyzeSocket } from '../../src/protocols';
import type { ProtocolId, SocketAnalysis } from '../../src/protocols';
import { APP_PROTOCOL_SESSIONS } from '../fixtures/libraries/app-protocol-sessions';
import { socketInputs } from '../fixtures/libraries/close-log-socket';
import { recordSession } from '../fixtures/libraries/record-session';
import { BASE_FLAGS, findChromium } from '../support/chromium';

interface Expected {
  protocol: ProtocolId;
  /** Decoded summaries that must appear, in this order, across the session's sockets. */
  summaries: (string | RegExp)[];
  /** The application goodbye of the session's last socket (or of socket `goodbyeSocket`): the summary of its message. */
  goodbye: string | RegExp;
  /** Which socket ends with the goodbye, when it is not the last one opened. */
  goodbyeSocket?: number;
  /** What the last socket's close explanation must also say, when the protocol defines its code. */
  closeCode?: RegExp;
}

const EXPECTED: Record<string, Expected> = {
  'socket-io': {
    protocol: 'socket-io',
    summaries: [
      'open pingInterval 25 s pingTimeout 20 s',
      'CONNECT /',
      'event echo ack 0 (1 binary attachment)',
      'binary attachment 1 of 1 for event echo (3 bytes)',
      'event news (1 binary attachment)',
      'DISCONNECT /',
    ],
    goodbye: 'DISCONNECT /',
  },
  'graphql-ws': {
    protocol: 'graphql-ws',
    summaries: [
      'connection_init',
      'connection_ack',
      /^subscribe \S+ query Greeting$/,
      /^next \S+$/,
      /^complete \S+$/,
      'subscribe 1 subscription count',
    ],
    goodbye: '',
    closeCode: /close code 4401 means Unauthorized: the client subscribed before the server acknowledged/,
  },
  mqtt: {
    protocol: 'mqtt',
    summaries: [
      /^CONNECT MQTT 3\.1\.1 client "main-e2e-\d+" keep alive 1 s$/,
      'CONNACK 0 Connection Accepted',
      'SUBSCRIBE sensors/# QoS 1',
      /^PUBLISH sensors\/1 QoS 1 id \d+$/,
      'PINGREQ',
      'PINGRESP',
      'CONNACK refused: 4 Connection Refused, bad user name or password',
      /^CONNECT MQTT 5\.0/,
      'CONNACK 0x00 Success',
    ],
    goodbye: 'DISCONNECT 0x8E Session taken over "Session taken over"',
    // The connection that took the session over opened last and ends normally.
    goodbyeSocket: 2,
  },
  stomp: {
    protocol: 'stomp',
    summaries: [
      'CONNECT accept-version 1.2,1.1,1.0 heart-beat 300,300',
      'CONNECTED version 1.2 heart-beat 300,300',
      'SUBSCRIBE /topic/prices',
      'SEND /topic/prices',
      'MESSAGE /topic/prices',
      'SEND /queue/forbidden',
    ],
    goodbye: 'ERROR Access denied',
  },
  'stomp-sockjs': {
    protocol: 'sockjs',
    summaries: [
      'open',
      'CONNECT accept-version 1.2,1.1,1.0 heart-beat 300,300',
      'CONNECTED version 1.2 heart-beat 300,300',
      'SUBSCRIBE /topic/prices',
      'MESSAGE /topic/prices',
      'SEND /queue/forbidden',
      'close 1000 "Normal closure"',
    ],
    goodbye: 'ERROR Access denied',
  },
  sockjs: {
    protocol: 'sockjs',
    summaries: ['open', 'send "hello"', 'message "hello"', 'send "bye"'],
    goodbye: 'close 3000 "Go away!"',
    closeCode: /close code 1000 means Normal closure \(SockJS\)/,
  },
  signalr: {
    protocol: 'signalr',
    summaries: [
      'handshake json version 1',
      'handshake response: ok',
      'invoke Echo id 0',
      'completion 0 · ping',
      'invoke ReceiveMessage',
      'invoke Fail id 2',
    ],
    goodbye: /^close error "Connection closed with an error\. InvalidOperationException/,
  },
  phoenix: {
    protocol: 'phoenix',
    summaries: [
      'phx_join room:secret',
      'phx_reply room:secret error (join)',
      'phx_join room:lobby',
      'new_msg room:lobby',
      'heartbeat',
      'phx_reply phoenix ok',
      'crash room:lobby',
    ],
    goodbye: 'phx_error room:lobby',
  },
  'action-cable': {
    protocol: 'action-cable',
    summaries: [
      'welcome',
      'subscribe ChatChannel',
      'ping',
      'confirm_subscription ChatChannel',
      'message ChatChannel speak',
      'broadcast ChatChannel',
      'reject_subscription SecretChannel',
    ],
    goodbye: 'disconnect unauthorized reconnect false',
    closeCode: /close code 1000 means Normal Closure \(after disconnect\)/,
  },
};

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: BASE_FLAGS });
});
test.afterAll(async () => {
  await browser.close();
});

for (const session of APP_PROTOCOL_SESSIONS) {
  test(`${session.name}: detected, decoded and its goodbye explained on real traffic`, async () => {
    const expected = EXPECTED[session.name];
    if (expected === undefined) throw new Error(`no expectations for ${session.name}`);
    const server = await session.start();
    let analyses: SocketAnalysis[];
    try {
      const { log } = await recordSession(browser, server, `e2e-${process.pid}`);
      analyses = log.sockets.map((s) => {
        const { socket, messages, close } = socketInputs(s);
        const analysis = analyzeSocket(socket, messages, close);
        if (analysis === null) throw new Error(`no protocol detected for ${s.url}`);
        return analysis;
      });
    } finally {
      await server.close();
    }
    for (const a of analyses) expect(a.detection.protocol.id).toBe(expected.protocol);
    const summaries = analyses.flatMap((a) => a.messages.map((m) => m.decoded.summary));
    let from = 0;
    for (const wanted of expected.summaries) {
      const at = summaries.findIndex(
        (s, i) => i >= from && (typeof wanted === 'string' ? s === wanted : wanted.test(s)),
      );
      expect(
        at,
        `"${String(wanted)}" after position ${from} in ${JSON.stringify(summaries)}`,
      ).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    // Every message decodes, none as malformed.
    expect(
      analyses.flatMap((a) =>
        a.messages.filter((m) => m.decoded.error !== undefined).map((m) => m.decoded.summary),
      ),
    ).toEqual([]);

    const last = analyses[expected.goodbyeSocket ?? analyses.length - 1]?.close;
    expect(last).toBeTruthy();
    if (expected.goodbye === '') expect(last?.goodbye ?? null).toBeNull();
    else
      expect(last?.goodbye?.summary).toMatch(
        expected.goodbye instanceof RegExp
          ? expected.goodbye
          : new RegExp(`^${escapeRegExp(expected.goodbye)}$`),
      );
    if (expected.closeCode !== undefined) expect(last?.lines.join('\n')).toMatch(expected.closeCode);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
