import { chromium, expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import type { CloseLogSocket } from '../../src/export/close-log-schema';
import type { BackoffShape } from '../../src/log/reconnect/backoff-shape';
import { LIBRARY_STRATEGIES } from '../../src/log/reconnect/library-strategies';
import type { ConnectionGroup } from '../../src/log/reconnects';
import {
  actionCableServer,
  nodeRedServer,
  phoenixServer,
  signalrServer,
  stompServer,
} from '../fixtures/reconnects/faithful-servers';
import {
  aedesServer,
  graphqlWsServer,
  plainWsServer,
  socketIoServer,
} from '../fixtures/reconnects/real-servers';
import { traceOutage } from '../fixtures/reconnects/trace-outage';
import type { Outage } from '../fixtures/reconnects/trace-outage';
import { BASE_FLAGS, findChromium } from '../support/chromium';

/**
 * Real client libraries with their default reconnect settings, each in a page with the
 * recorder, lose their server on 127.0.0.1 for a few attempts; the classifier must name the
 * shape of their gaps with the library's numbers, and the library. All run at once: the spec
 * takes about as long as the slowest schedule.
 */
type Group = ConnectionGroup<CloseLogSocket>;

interface Library extends Outage {
  /** The strategy's name in LIBRARY_STRATEGIES. */
  name: string;
  /** When one library is traced twice. */
  title?: string;
  /** Whether the trace names only this library (the default), it among others, or none. */
  named?: 'only' | 'among' | 'none';
  check(group: Group): void;
}

const client = (file: string) => new URL(`../fixtures/reconnects/clients/${file}`, import.meta.url);

/** Within `fraction` of `expected`, and 100 ms either way for timers a busy page fires late. */
function near(actual: number | null | undefined, expected: number, fraction = 0.03): void {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - fraction) - 100);
  expect(actual).toBeLessThanOrEqual(expected * (1 + fraction) + 100);
}

/** The delay the client settles at: a cap, or the last step of a schedule. */
function ceiling(shape: BackoffShape): number | null {
  if (shape.kind === 'capped') return shape.capMs;
  if (shape.kind === 'linear' || shape.kind === 'exponential') return shape.capMs;
  if (shape.kind === 'stepped') return shape.steps[shape.steps.length - 1]?.delayMs ?? null;
  return null;
}

function isKind<K extends BackoffShape['kind']>(
  shape: BackoffShape,
  kind: K,
): shape is Extract<BackoffShape, { kind: K }> {
  return shape.kind === kind;
}

/** The shape, when it is of that kind, with its numbers. */
function shapeOf<K extends BackoffShape['kind']>(group: Group, kind: K): Extract<BackoffShape, { kind: K }> {
  const { shape, text } = group.backoff;
  if (!isKind(shape, kind)) throw new Error(`expected ${kind}, got: ${text}`);
  return shape;
}

/** A jittered schedule that grows reads as one of these, depending on the draw. */
const GROWING = ['exponential', 'linear', 'capped'];

const LIBRARIES: Library[] = [
  {
    name: 'socket.io-client',
    client: client('socket-io.ts'),
    attach: socketIoServer,
    attempts: 5,
    away: 'refuse',
    // ±50% jitter before the 5 s cap: the cap is what every draw shows.
    check: ({ backoff }) => near(ceiling(backoff.shape), 5000, 0.1),
  },
  {
    name: 'reconnecting-websocket',
    client: client('reconnecting-websocket.ts'),
    attach: plainWsServer,
    attempts: 2,
    away: 'refuse',
    named: 'among', // a first delay drawn near 3 s is partysocket's too
    check: (group) => {
      const shape = shapeOf(group, 'exponential');
      near(shape.factor, 1.3);
      expect(shape.firstMs).toBeGreaterThanOrEqual(1000 * 0.97);
      expect(shape.firstMs).toBeLessThanOrEqual(5000 * 1.03);
    },
  },
  {
    name: 'partysocket',
    client: client('partysocket.ts'),
    attach: plainWsServer,
    attempts: 3,
    away: 'refuse',
    named: 'among', // its schedule is one of reconnecting-websocket's, and the narrower
    check: (group) => {
      expect(group.libraries[0]?.strategy.name).toBe('partysocket');
      const shape = shapeOf(group, 'exponential');
      near(shape.factor, 1.3);
      near(shape.firstMs, 3000);
    },
  },
  {
    name: 'mqtt.js',
    client: client('mqtt.ts'),
    attach: aedesServer,
    attempts: 10,
    away: 'refuse',
    check: (group) => {
      const { storm, stormVerdict } = group;
      const shape = shapeOf(group, 'constant');
      near(shape.periodMs, 1000);
      // An attempt a second, forever: a storm by the definition, and the numbers say so.
      expect(storm).toBe(true);
      expect(stormVerdict.peakAttempts).toBeGreaterThanOrEqual(9);
      expect(stormVerdict.text).toBe(
        `${stormVerdict.peakAttempts} attempts within 10 s (threshold: 5 within 10 s)`,
      );
    },
  },
  {
    name: 'graphql-ws',
    client: client('graphql-ws.ts'),
    attach: graphqlWsServer,
    attempts: 4,
    // It retries closes only: the server must accept each handshake and drop it (see below).
    away: 'drop',
    check: ({ backoff, gaps }) => {
      expect(GROWING).toContain(backoff.shape.kind);
      expect(backoff.nextMs).toBeGreaterThan(gaps[0] ?? Infinity);
    },
  },
  {
    name: 'graphql-ws',
    title: 'graphql-ws against a server that refuses',
    client: client('graphql-ws.ts'),
    attach: graphqlWsServer,
    attempts: 2,
    away: 'refuse',
    named: 'none',
    // A failed handshake fires the browser's error event before the close, and its default
    // shouldRetry retries closes only: one retry after the drop, then the subscription fails.
    check: ({ gaps, neverCameBack }) => {
      expect(gaps).toHaveLength(1);
      expect(gaps[0]).toBeGreaterThanOrEqual(1300);
      expect(gaps[0]).toBeLessThanOrEqual(4000 + 100);
      expect(neverCameBack).toBe(true);
    },
  },
  {
    name: '@stomp/stompjs',
    client: client('stompjs.ts'),
    attach: stompServer,
    attempts: 3,
    away: 'refuse',
    check: (group) => {
      const shape = shapeOf(group, 'constant');
      near(shape.periodMs, 5000);
    },
  },
  {
    name: 'phoenix',
    client: client('phoenix.ts'),
    attach: phoenixServer,
    attempts: 11,
    away: 'refuse',
    check: (group) => {
      const {
        backoff: { outlier },
        storm,
      } = group;
      const shape = shapeOf(group, 'capped');
      near(shape.capMs, 5000);
      // Its 10 ms first retry, late on a busy page, is left out of the ramp.
      expect(shape.rampGaps + (outlier?.index === 0 ? 1 : 0)).toBe(9);
      expect(storm).toBe(true); // ten attempts in its first 4.3 s
    },
  },
  {
    name: '@microsoft/signalr',
    client: client('signalr.ts'),
    attach: signalrServer,
    attempts: 4,
    away: 'refuse',
    // Its four retries are all refused: it gives up, and the panel says it never came back.
    check: ({ backoff, gaps, neverCameBack, neverCameBackVerdict }) => {
      expect(gaps).toHaveLength(4);
      [0, 2000, 10_000, 30_000].forEach((delay, i) => near(gaps[i], delay));
      expect(backoff.shape.kind).toBe('exponential');
      expect(backoff.outlier?.index).toBe(0);
      expect(neverCameBack).toBe(true);
      expect(neverCameBackVerdict.gaveUp).toBe(true);
      expect(neverCameBackVerdict.text).toBe(
        "the last attempt closed abnormally; @microsoft/signalr's default schedule has no retry left",
      );
    },
  },
  {
    name: '@rails/actioncable',
    client: client('actioncable.ts'),
    attach: actionCableServer,
    attempts: 4,
    away: 'refuse',
    // Reopened by a polling monitor: +0–15% jitter on ×1.15 growth, after a first gap of 6–18 s.
    check: ({ backoff }) => expect(GROWING).toContain(backoff.shape.kind),
  },
  {
    name: "Node-RED's editor",
    client: client('node-red.ts'),
    attach: nodeRedServer,
    attempts: 11,
    away: 'refuse',
    check: (group) => {
      const shape = shapeOf(group, 'stepped');
      expect(shape.steps.map((s) => s.count)).toEqual([9, 3]);
      near(shape.steps[0]?.delayMs, 1000);
      near(shape.steps[1]?.delayMs, 2000);
    },
  },
];

let browser: Browser;
const traced = new Map<string, Promise<Group>>();

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: BASE_FLAGS });
  for (const [i, library] of LIBRARIES.entries()) {
    // A little apart, so that eleven pages do not all handle their drop in the same instant.
    const trace = new Promise((resolve) => setTimeout(resolve, 400 * i)).then(() =>
      traceOutage(browser, library),
    );
    trace.catch(() => undefined); // reported by the library's own test
    traced.set(library.title ?? library.name, trace);
  }
});
test.afterAll(async () => {
  test.setTimeout(150_000);
  await Promise.allSettled(traced.values());
  await browser.close();
});

test('every library in the table is traced', () => {
  expect(new Set(LIBRARIES.map((l) => l.name))).toEqual(new Set(LIBRARY_STRATEGIES.map((s) => s.name)));
});

for (const library of LIBRARIES) {
  const title = library.title ?? library.name;
  test(`${title}: the shape of its default backoff, its numbers, and its name`, async () => {
    test.setTimeout(150_000);
    const trace = traced.get(title);
    if (!trace) throw new Error(`${title} was not traced`);
    const group = await trace;
    console.log(
      `${title}: gaps ${group.gaps.map(Math.round).join(', ')} ms → ${group.backoff.text} | ${group.libraries.map((l) => l.strategy.name).join(', ')} | storm: ${group.stormVerdict.text} | never came back: ${group.neverCameBackVerdict.text}`,
    );
    library.check(group);
    const names = group.libraries.map((l) => l.strategy.name);
    if (library.named === 'among') expect(names).toContain(library.name);
    else expect(names).toEqual(library.named === 'none' ? [] : [library.name]);
  });
}
