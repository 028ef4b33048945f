/** Where one gap of a library's schedule falls, in milliseconds, both ends included. */
export interface DelayWindow {
  minMs: number;
  maxMs: number;
}

/**
 * A client library's default reconnect strategy, read in its own source at `version`
 * (docs/reconnect-strategies.md quotes the lines).
 */
export interface LibraryStrategy {
  /** What people call it. */
  name: string;
  /** The npm package the numbers come from. */
  pkg: string;
  version: string;
  /** Files in the package that hold the numbers. */
  source: string;
  /** The strategy in words, for the view. */
  summary: string;
  /**
   * Where gap `k` of an outage (0: from the drop to the first retry) falls, given the gaps
   * before it (reconnecting-websocket draws its first delay once per page); null once the
   * client has stopped retrying.
   */
  window(k: number, gaps: readonly number[]): DelayWindow | null;
}

const exactly = (ms: number): DelayWindow => ({ minMs: ms, maxMs: ms });

/**
 * How late a first gap may come: its timer, plus the page's work at the drop (error handlers, UI
 * updates), the busiest moment of an outage. Library matching allows it on the first gap.
 */
export const FIRST_GAP_LATE_MS = 450;

/** Growth by `factor` from `first`, held at `cap`: reconnecting-websocket and its fork. */
const grown = (first: number, factor: number, cap: number, k: number) => Math.min(cap, first * factor ** k);

export const LIBRARY_STRATEGIES: readonly LibraryStrategy[] = [
  {
    name: 'socket.io-client',
    pkg: 'socket.io-client',
    version: '4.8.4',
    source: 'build/esm/manager.js, build/esm/contrib/backo2.js',
    summary: '1 s doubling to a 5 s cap, ±50% jitter, retries forever',
    window: (k) => {
      // Jitter first, cap after: from the third retry on, most delays are exactly the cap.
      const base = 1000 * 2 ** k;
      return { minMs: Math.min(base * 0.5, 5000), maxMs: Math.min(base * 1.5, 5000) };
    },
  },
  {
    name: 'reconnecting-websocket',
    pkg: 'reconnecting-websocket',
    version: '4.4.0',
    source: 'dist/reconnecting-websocket-mjs.js',
    summary:
      'a first delay drawn once per page between 1 and 5 s, ×1.3 each retry to a 10 s cap, retries forever',
    window: (k, gaps) => {
      const first = gaps[0];
      if (k === 0 || first === undefined) return { minMs: 1000, maxMs: 5000 };
      // The drawn delay is the first gap less its lateness: a late first gap must not make
      // every later one look early (a loaded CI machine read 2886, 3486 ms as not ×1.3).
      const drawn = { minMs: Math.max(1000, first - FIRST_GAP_LATE_MS), maxMs: first };
      return { minMs: grown(drawn.minMs, 1.3, 10_000, k), maxMs: grown(drawn.maxMs, 1.3, 10_000, k) };
    },
  },
  {
    name: 'partysocket',
    pkg: 'partysocket',
    version: '1.3.0',
    source: 'dist/ws.js',
    summary: '3 s, ×1.3 each retry to a 10 s cap, retries forever',
    window: (k) => exactly(grown(3000, 1.3, 10_000, k)),
  },
  {
    name: 'mqtt.js',
    pkg: 'mqtt',
    version: '5.16.0',
    source: 'build/lib/client.js',
    summary: 'every 1 s (reconnectPeriod), retries forever',
    window: () => exactly(1000),
  },
  {
    name: 'graphql-ws',
    pkg: 'graphql-ws',
    version: '6.4.2',
    source: 'dist/client.js',
    summary:
      '2^n s plus a random 0.3–3 s, 5 retries, then it gives up; only after a close: a retry whose handshake fails (an error event) ends it',
    window: (k) => (k < 5 ? { minMs: 1000 * 2 ** k + 300, maxMs: 1000 * 2 ** k + 3000 } : null),
  },
  {
    name: '@stomp/stompjs',
    pkg: '@stomp/stompjs',
    version: '7.5.0',
    source: 'src/client.ts (esm6/client.js)',
    summary: 'every 5 s (reconnectDelay), retries forever',
    window: () => exactly(5000),
  },
  {
    name: 'phoenix',
    pkg: 'phoenix',
    version: '1.8.16',
    source: 'priv/static/phoenix.mjs (assets/js/phoenix/socket.js)',
    summary: '10, 50, 100, 150, 200, 250, 500 ms, 1, 2 s, then every 5 s',
    window: (k) => exactly([10, 50, 100, 150, 200, 250, 500, 1000, 2000][k] ?? 5000),
  },
  {
    name: '@microsoft/signalr',
    pkg: '@microsoft/signalr',
    version: '10.0.11',
    source: 'src/DefaultReconnectPolicy.ts, src/HubConnection.ts',
    summary: 'withAutomaticReconnect(): 0, 2, 10, 30 s, then it gives up',
    window: (k) => {
      const delay = [0, 2000, 10_000, 30_000][k];
      return delay === undefined ? null : exactly(delay);
    },
  },
  {
    name: '@rails/actioncable',
    pkg: '@rails/actioncable',
    version: '8.1.400',
    source: 'src/connection_monitor.js, src/connection.js',
    summary:
      'no retry on close: a monitor polls every 6 s ×1.15^n (+0–15%, to ~28 s) and reopens a stale connection',
    window: (k) => {
      // The first reopen waits for the poll after 6 s of disconnect: 6 to 18 s. A stale poll
      // inside those 6 s counts an attempt too, so later polls run one step ahead or not.
      if (k === 0) return { minMs: 6000, maxMs: 18_000 };
      const poll = (n: number) => 6000 * 1.15 ** Math.min(n, 10);
      return { minMs: poll(k), maxMs: poll(k + 1) * 1.15 };
    },
  },
  {
    name: "Node-RED's editor",
    pkg: '@node-red/editor-client',
    version: '5.0.7',
    source: 'public/red/red.js (RED.comms)',
    summary: '1 s ×9, then 2 s ×10, then every 60 s (a countdown with "try now")',
    window: (k) => exactly(k < 9 ? 1000 : k < 19 ? 2000 : 60_000),
  },
];
