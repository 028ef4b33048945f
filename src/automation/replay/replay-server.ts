import { STATUS_CODES, createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { CloseLog } from '../../export/close-log-schema';
import { replayDifferences } from '../../replay/replay-compare';
import { recordedMs } from '../../replay/replay-plan';
import type { ReplaySocket, ReplayStep } from '../../replay/replay-plan';
import { routeKey, routeOfReplayUrl, routesOf } from '../../replay/replay-routes';
import { redirectSockets } from './redirect-sockets';
import type { RedirectRoutes } from './redirect-sockets';

export interface ReplayOptions {
  /** Payloads the log could not hold, by their step's key; binary ones as hex. */
  payloads?: Record<string, string | readonly string[]>;
  /** 10 plays the recorded gaps ten times faster. */
  speed?: number;
}

/** What can run a script in every document of a browser context before its own (Playwright's). */
export interface InitScriptTarget {
  addInitScript(script: (routes: RedirectRoutes) => void, arg: RedirectRoutes): Promise<unknown>;
}

export interface Replay {
  /** The stand-in server, ws://127.0.0.1:<port>. */
  readonly url: string;
  /** Sends the app's sockets on the recorded routes to the stand-in, in every page and frame. */
  route(target: InitScriptTarget): Promise<void>;
  /** Resolves when every recorded socket has met its ending; rejects, saying which did not, after `timeoutMs`. */
  finished(timeoutMs?: number): Promise<void>;
  /** Where the app's run (a close log with previews) differs from the recording; [] when it is the same. */
  differences(log: CloseLog): string[];
  /** Sockets the app opened beyond the recording (each refused with HTTP 503). */
  readonly extra: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One recorded socket's life on the stand-in: what it waits for, and when it is over. */
class Performance {
  opened = false;
  ended = false;
  pageSent = 0;
  waitingFor = '';
  private readonly over: Promise<void>;
  private finish!: () => void;
  private wake: (() => void) | null = null;

  constructor(
    readonly socket: ReplaySocket,
    readonly name: string,
  ) {
    this.over = new Promise((resolve) => (this.finish = resolve));
  }

  get done(): Promise<void> {
    return this.over;
  }

  end(): void {
    this.ended = true;
    this.wake?.();
    this.finish();
  }

  pageMessage(): void {
    this.pageSent++;
    this.wake?.();
  }

  async untilPageSent(n: number): Promise<void> {
    while (this.pageSent < n && !this.ended) {
      this.waitingFor = `waits for the page's message ${n}; it has sent ${this.pageSent}`;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.waitingFor = '';
  }
}

function refuse(socket: Duplex, status: number | null): void {
  if (status !== null)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  socket.destroy();
}

function payloadsOf(
  step: Extract<ReplayStep, { after: number }>,
  options: ReplayOptions,
): (Buffer | string)[] {
  const given = step.key === undefined ? undefined : options.payloads?.[step.key];
  const count = step.count ?? 1;
  const recorded = step.hex ?? step.text ?? '';
  const list = Array.from({ length: count }, (_, i) =>
    typeof given === 'string' ? given : (given?.[i] ?? recorded),
  );
  return step.hex === undefined ? list : list.map((hex) => Buffer.from(hex, 'hex'));
}

async function perform(ws: WebSocket, p: Performance, options: ReplayOptions): Promise<void> {
  const speed = options.speed && options.speed > 0 ? options.speed : 1;
  ws.on('message', () => p.pageMessage());
  ws.on('close', () => p.end());
  for (const step of p.socket.steps) {
    if ('page' in step) await p.untilPageSent(step.page);
    else {
      await sleep(step.after / speed);
      for (const data of payloadsOf(step, options)) if (!p.ended) ws.send(data);
    }
    if (p.ended) return;
  }
  const end = p.socket.end;
  if ('after' in end) await sleep(end.after / speed);
  if (p.ended) return;
  if ('close' in end) {
    if (end.close.code === null) ws.close();
    else ws.close(end.close.code, end.close.reason);
  } else if ('drop' in end) ws.terminate();
  else if ('open' in end) p.end();
  // pageCloses: ws answers the page's close frame itself; 'close' above ends the performance.
}

/**
 * A stand-in for the recorded server on 127.0.0.1: the n-th socket the app opens on a recorded
 * route (host and path) is answered as the n-th recorded one was, the same subprotocol, the
 * server's messages after the page's, with the recorded gaps, then the recorded ending.
 */
export async function startReplay(
  sockets: readonly ReplaySocket[],
  options: ReplayOptions = {},
): Promise<Replay> {
  const routes = routesOf(sockets.map((s) => s.url));
  const seen = new Map<string, number>();
  const performances = sockets.map((s) => {
    const key = routeKey(s.url);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return new Performance(s, `socket ${n} to ${key}`);
  });
  const queues = routes.map((key) => performances.filter((p) => routeKey(p.socket.url) === key));
  const serving = new WeakMap<IncomingMessage, Performance>();
  const live = new Set<WebSocket>();
  let extra = 0;

  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: sockets.some((s) => s.deflate),
    handleProtocols: (offered, req) => {
      const chosen = serving.get(req)?.socket.protocol;
      return chosen && offered.has(chosen) ? chosen : false;
    },
  });
  const http = createServer((_req, res) => res.writeHead(426).end());
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const route = /^\/(\d+)\//.exec(req.url ?? '')?.[1];
    const p = route === undefined ? undefined : queues[Number(route)]?.shift();
    if (!p) {
      extra++;
      refuse(socket, 503);
      return;
    }
    p.opened = true;
    if ('refuse' in p.socket.end) {
      refuse(socket, p.socket.end.refuse);
      p.end();
      return;
    }
    serving.set(req, p);
    wss.handleUpgrade(req, socket, head, (ws) => {
      live.add(ws);
      ws.on('close', () => live.delete(ws));
      void perform(ws, p, options);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    url: base,
    get extra() {
      return extra;
    },
    route: async (target) => {
      await target.addInitScript(redirectSockets, { base, routes });
    },
    finished: async (timeoutMs = recordedMs(sockets) / (options.speed ?? 1) + 30_000) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const pending = performances
            .filter((p) => !p.ended)
            .map(
              (p) => `${p.name}: ${p.opened ? p.waitingFor || 'still running' : 'the app has not opened it'}`,
            );
          reject(new Error(`The replay did not finish in ${timeoutMs} ms:\n${pending.join('\n')}`));
        }, timeoutMs);
      });
      try {
        await Promise.race([Promise.all(performances.map((p) => p.done)), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    // A recorder that wrapped WebSocket after the redirect did saw the app's own URL.
    differences: (log) =>
      replayDifferences(sockets, log.sockets, (url) => {
        const route = routeOfReplayUrl(base, url) ?? routes.indexOf(routeKey(url));
        return route >= 0 ? route : null;
      }),
    stop: async () => {
      for (const ws of live) ws.terminate();
      for (const p of performances) p.end();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
