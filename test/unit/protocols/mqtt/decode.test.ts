import mqttPacket from 'mqtt-packet';
import type { Packet } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { mqtt } from '../../../../src/protocols/mqtt';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, message } from '../captures';

/** Packets as mqtt-packet 9.0.2 (the codec of mqtt.js and aedes) writes them, in hex. */
function hex(packet: Packet, protocolVersion: 4 | 5 = 5): string {
  return mqttPacket.generate(packet, { protocolVersion }).toString('hex');
}

function bin(dir: MessagePreview['dir'], h: string, over: Partial<MessagePreview> = {}): MessagePreview {
  return message(dir, h, { kind: 'binary', ...over });
}

function run(...messages: MessagePreview[]) {
  const session = mqtt.createSession({ url: 'ws://h/mqtt', protocols: ['mqtt'], protocol: 'mqtt' });
  return { decoded: messages.map((m) => session.decode(m)), session };
}

const CONNECT_5 = hex({
  cmd: 'connect',
  protocolId: 'MQTT',
  protocolVersion: 5,
  clientId: 'c1',
  keepalive: 30,
  clean: true,
});

// test/fixtures/captures/mqtt.json: mqtt.js 5.16.0 with aedes 1.2.0 (3.1.1) and the MQTT 5 broker, in Chromium.
describe('MQTT on captured traffic', () => {
  const [main, refused, takenOver] = analyzeCapture('mqtt');

  it('reassembles packets that aedes writes field by field across messages', () => {
    const decoded = main?.messages.filter((m) => m.decoded.type !== 'fragment').map((m) => m.decoded.summary);
    expect(main?.messages.filter((m) => m.decoded.type === 'fragment')).toHaveLength(13);
    expect(decoded).toEqual([
      'CONNECT MQTT 3.1.1 client "main-capture" keep alive 1 s',
      'CONNACK 0 Connection Accepted',
      'SUBSCRIBE sensors/# QoS 1',
      expect.stringMatching(/^SUBACK id \d+ granted QoS 1$/),
      expect.stringMatching(/^PUBLISH sensors\/1 QoS 1 id \d+$/),
      expect.stringMatching(/^PUBACK id \d+$/),
      expect.stringMatching(/^PUBLISH sensors\/1 QoS 1 id \d+$/),
      expect.stringMatching(/^PUBACK id \d+$/),
      'PINGREQ',
      'PINGRESP',
      'DISCONNECT',
    ]);
    const received = main?.messages.find((m) => m.message.dir === 'received' && m.decoded.type === 'PUBLISH');
    expect(received?.decoded.tree).toMatchObject({ topic: 'sensors/1', payload: '21.5', qos: 1 });
    expect(received?.decoded.event).toBe('sensors/1');
  });

  it('a refusing CONNACK is the goodbye, with its 3.1.1 return code', () => {
    expect(refused?.close?.goodbye).toMatchObject({
      code: 4,
      name: 'Connection Refused, bad user name or password',
      dir: 'received',
    });
  });

  it('MQTT 5 DISCONNECT 0x8E with its Reason String', () => {
    expect(takenOver?.close?.goodbye).toMatchObject({
      code: 0x8e,
      name: 'Session taken over',
      reason: 'Session taken over',
      dir: 'received',
    });
    expect(takenOver?.close?.lines[0]).toMatch(
      /^Last MQTT goodbye before the close, from the server: DISCONNECT 0x8E Session taken over/,
    );
  });
});

describe('MQTT packets from mqtt-packet', () => {
  it('5.0 CONNACK reason codes and Server Keep Alive', () => {
    const { decoded, session } = run(
      bin('sent', CONNECT_5),
      bin(
        'received',
        hex({
          cmd: 'connack',
          sessionPresent: false,
          reasonCode: 0x87,
          properties: { reasonString: 'no', serverKeepAlive: 20 },
        }),
      ),
    );
    expect(decoded[1]).toMatchObject({ summary: 'CONNACK refused: 0x87 Not authorized' });
    expect(decoded[1]?.goodbye).toMatchObject({ code: 0x87, name: 'Not authorized', reason: 'no' });
    expect(session.heartbeat()).toMatchObject({ intervalMs: 20_000, timeoutMs: 30_000, negotiated: true });
  });

  it('PUBLISH flags, SUBSCRIBE, UNSUBSCRIBE, AUTH, PINGs and DISCONNECT without a body', () => {
    const { decoded } = run(
      bin('sent', CONNECT_5),
      bin(
        'sent',
        hex({
          cmd: 'publish',
          topic: 'a/b',
          payload: Buffer.from([0, 1, 2]),
          qos: 2,
          messageId: 9,
          retain: true,
          dup: true,
        }),
      ),
      bin(
        'sent',
        hex({
          cmd: 'subscribe',
          messageId: 3,
          subscriptions: [
            { topic: 'x/#', qos: 0 },
            { topic: 'y/+', qos: 2 },
          ],
        }),
      ),
      bin('sent', hex({ cmd: 'unsubscribe', messageId: 4, unsubscriptions: ['x/#'] })),
      bin('received', hex({ cmd: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM' } })),
      bin('sent', 'c000'),
      bin('received', 'd000'),
      bin('sent', 'e000'),
    );
    expect(decoded.map((d) => d.summary).slice(1)).toEqual([
      'PUBLISH a/b QoS 2 id 9 retain dup',
      'SUBSCRIBE x/# QoS 0 +1 more',
      'UNSUBSCRIBE x/#',
      'AUTH 0x18 Continue authentication SCRAM',
      'PINGREQ',
      'PINGRESP',
      'DISCONNECT 0x00 Normal disconnection',
    ]);
    expect(decoded[1]?.tree).toMatchObject({ payload: '00 01 02', payloadBytes: 3 });
    expect(decoded.map((d) => d.heartbeat)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'ping',
      'pong',
      undefined,
    ]);
  });

  it('several packets in one message are its parts', () => {
    const { decoded } = run(
      bin(
        'received',
        `${hex({ cmd: 'puback', messageId: 1 }, 4)}d000${hex({ cmd: 'puback', messageId: 2 }, 4)}`,
      ),
    );
    expect(decoded[0]).toMatchObject({
      type: 'PUBACK + PINGRESP',
      summary: 'PUBACK id 1 · PINGRESP · PUBACK id 2',
    });
  });

  it('a packet whose body continues past a truncated preview is skipped over by size', () => {
    const big = hex(
      { cmd: 'publish', topic: 'big', payload: Buffer.alloc(1000, 7), qos: 0, dup: false, retain: false },
      4,
    );
    const { decoded } = run(
      bin('received', big.slice(0, 512), { size: big.length / 2, truncated: true }),
      bin('received', 'd000'),
    );
    expect(decoded[0]).toMatchObject({ summary: 'PUBLISH big QoS 0', event: 'big', partial: true });
    expect(decoded[0]?.tree).toMatchObject({ payloadBytes: 1000 });
    expect(decoded[1]?.summary).toBe('PINGRESP');
  });
});

describe('MQTT on hostile bytes', () => {
  it('a Remaining Length of 268 435 455 neither allocates nor loops: the packet just never completes', () => {
    const started = performance.now();
    const { decoded, session } = run(bin('received', '30ffffff7f0003616263'));
    expect(performance.now() - started).toBeLessThan(50);
    expect(decoded[0]).toMatchObject({
      type: 'fragment',
      partial: true,
      summary: 'PUBLISH (5 of 268435455 bytes, continues in the next message)',
    });
    expect(run(bin('received', 'd000')).decoded[0]?.summary).toBe('PINGRESP');
    void session;
  });

  it('a fifth Remaining Length byte is malformed', () => {
    const { decoded } = run(bin('received', '30ffffffff01'));
    expect(decoded[0]?.error).toBe('malformed Remaining Length: more than four bytes');
  });

  it('lengths inside a packet that run past it stop the read', () => {
    // SUBSCRIBE whose topic filter claims 65535 bytes.
    const { decoded } = run(bin('sent', CONNECT_5), bin('sent', '8206000100ffff61'));
    expect(decoded[1]).toMatchObject({ type: 'SUBSCRIBE', summary: 'SUBSCRIBE' });
    expect(decoded[1]?.error).toBeUndefined();
  });

  it('text frames, bad hex and reserved type 0 are reported', () => {
    const { decoded } = run(message('sent', 'CONNECT'), bin('sent', 'zz'), bin('sent', '0000'));
    expect(decoded.map((d) => d.error)).toEqual([
      'MQTT over WebSocket must use binary messages (MQTT-6.0.0-1)',
      'the preview is not valid hex',
      'packet type 0 is reserved',
    ]);
  });
});
