import { describe, expect, it } from 'vitest';
import { matchLibraries } from '../../../../src/log/reconnect/library-match';
import { LIBRARY_STRATEGIES } from '../../../../src/log/reconnect/library-strategies';
import { seededRandom } from './seeded-random';

/**
 * Each library's default schedule written again from its source (docs/reconnect-strategies.md
 * quotes the lines), with a seeded random where the library draws one, plus a few ms of timer
 * lateness: the match must name the library from the gaps alone.
 */
const SCHEDULES: Record<string, (k: number, random: () => number, first: number) => number> = {
  'socket.io-client': (k, random) => {
    let ms = 1000 * 2 ** k;
    const rand = random();
    const deviation = Math.floor(rand * 0.5 * ms);
    ms = (Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation;
    return Math.min(ms, 5000) | 0;
  },
  'reconnecting-websocket': (k, _, first) => Math.min(first * 1.3 ** k, 10_000),
  partysocket: (k) => Math.min(3000 * 1.3 ** k, 10_000),
  'mqtt.js': () => 1000,
  'graphql-ws': (k, random) => 1000 * 2 ** k + Math.floor(random() * 2700 + 300),
  '@stomp/stompjs': () => 5000,
  phoenix: (k) => [10, 50, 100, 150, 200, 250, 500, 1000, 2000][k] ?? 5000,
  '@microsoft/signalr': (k) => [0, 2000, 10_000, 30_000][k] ?? NaN,
  // The monitor's poll: 6 s ×1.15^attempts (+0–15%), one step ahead when a poll skipped.
  '@rails/actioncable': (k, random, first) =>
    k === 0 ? first : 6000 * 1.15 ** Math.min(k + (first < 12_000 ? 1 : 0), 10) * (1 + 0.15 * random()),
  "Node-RED's editor": (k) => (k < 9 ? 1000 : k < 19 ? 2000 : 60_000),
};

/** Enough gaps for each schedule to stand apart, within those it has (SignalR 4, graphql-ws 5). */
const LENGTHS: Record<string, number> = {
  '@microsoft/signalr': 4,
  'graphql-ws': 5,
  "Node-RED's editor": 21,
  'mqtt.js': 11,
};

function trace(name: string, seed: number): number[] {
  const random = seededRandom(seed);
  const schedule = SCHEDULES[name];
  if (!schedule) throw new Error(`no schedule for ${name}`);
  const first = name === '@rails/actioncable' ? 6000 + 12_000 * random() : 1000 + 4000 * random();
  return Array.from({ length: LENGTHS[name] ?? 6 }, (_, k) => schedule(k, random, first) + 1 + 20 * random());
}

describe('matchLibraries', () => {
  it('has a schedule here for every library in the table', () => {
    expect(Object.keys(SCHEDULES).sort()).toEqual(LIBRARY_STRATEGIES.map((s) => s.name).sort());
  });

  for (const name of Object.keys(SCHEDULES)) {
    it(`names ${name} from its gaps`, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const names = matchLibraries(trace(name, seed)).map((m) => m.strategy.name);
        // reconnecting-websocket draws a first delay near partysocket's 3 s now and then.
        if (name === 'reconnecting-websocket') expect(names, `seed ${seed}`).toContain(name);
        else expect(names[0], `seed ${seed}`).toBe(name);
      }
    });
  }

  it('lists every schedule that fits, the narrowest first', () => {
    expect(matchLibraries([3000, 3900, 5070, 6591]).map((m) => m.strategy.name)).toEqual([
      'partysocket',
      'reconnecting-websocket',
    ]);
    expect(matchLibraries([1000, 1000, 1000, 1000]).map((m) => m.strategy.name)).toEqual([
      'mqtt.js',
      "Node-RED's editor",
    ]);
  });

  it('forgives a first retry a busy page ran late, not a late schedule', () => {
    const phoenix = [166, 53, 101, 152, 202, 269, 503, 1001, 2003, 5002];
    expect(matchLibraries(phoenix)[0]?.strategy.name).toBe('phoenix');
    expect(matchLibraries([10, 53, 400, 152, 202, 269, 503, 1001, 2003, 5002])).toEqual([]);
    // reconnecting-websocket grows from its drawn delay, which a late first gap overstates (a
    // trace from a loaded CI machine); a schedule growing slower than ×1.3 is still not it.
    expect(matchLibraries([2886, 3486, 4581]).map((m) => m.strategy.name)).toContain(
      'reconnecting-websocket',
    );
    expect(matchLibraries([2886, 3000, 3100]).map((m) => m.strategy.name)).not.toContain(
      'reconnecting-websocket',
    );
  });

  it('names nothing from too few gaps, or from a schedule no library has', () => {
    expect(matchLibraries([12, 50, 60, 80, 20])).toEqual([]); // no waiting at all
    expect(matchLibraries([1000, 1000])).toEqual([]);
    expect(matchLibraries([3000, 3000, 3000, 3000])).toEqual([]);
    expect(matchLibraries([2, 2000, 10_000, 30_000, 30_000])).toEqual([]); // SignalR had given up
  });

  it('says where the next gap falls, or that the client has stopped', () => {
    const [socketIo] = matchLibraries([700, 2500, 3000, 5000]);
    expect(socketIo?.next).toEqual({ minMs: 5000, maxMs: 5000 });
    const [signalr] = matchLibraries([2, 2000, 10_000, 30_000]);
    expect(signalr?.next).toBeNull();
    expect(signalr?.text).toBe(
      "looks like @microsoft/signalr's default: withAutomaticReconnect(): 0, 2, 10, 30 s, then it gives up (@microsoft/signalr 10.0.11)",
    );
  });
});
