import type { CloseLogSocket } from '../export/close-log-schema';
import type { ReplaySocket } from './replay-plan';
import { routeKey, routesOf } from './replay-routes';

const ordinal = (n: number) =>
  `${n}${['th', 'st', 'nd', 'rd'][n % 100 > 10 && n % 100 < 14 ? 0 : n % 10] ?? 'th'}`;

/**
 * Where a replayed run differs from the recording: one sentence a socket and fact, none when the
 * app's sockets met the same run (close code, reason and wasClean, message counts, and the order
 * of the messages the recording holds). `routeOf` tells which route a replayed socket took.
 */
export function replayDifferences(
  plan: readonly ReplaySocket[],
  replayed: readonly CloseLogSocket[],
  routeOf: (url: string) => number | null,
): string[] {
  const routes = routesOf(plan.map((s) => s.url));
  const byRoute = new Map<number, CloseLogSocket[]>();
  for (const s of [...replayed].sort((a, b) => a.createdAt - b.createdAt)) {
    const route = routeOf(s.url);
    if (route !== null) byRoute.set(route, [...(byRoute.get(route) ?? []), s]);
  }
  const seen = new Map<number, number>();
  return plan.flatMap((want) => {
    const route = routes.indexOf(routeKey(want.url));
    const n = seen.get(route) ?? 0;
    seen.set(route, n + 1);
    const got = byRoute.get(route)?.[n];
    const name = `the ${ordinal(n + 1)} socket to ${routeKey(want.url)}`;
    if (!got) return [`${name}: the app never opened it`];
    const out: string[] = [];
    const e = want.expect;
    const close = (c: { code: number; reason: string; wasClean: boolean } | null) =>
      c ? `${c.code} ${JSON.stringify(c.reason)}${c.wasClean ? '' : ' (unclean)'}` : 'not closed';
    if (close(e.close) !== close(got.close))
      out.push(`${name}: closed ${close(got.close)}, recorded ${close(e.close)}`);
    if (got.sent.messages !== e.sent)
      out.push(`${name}: the page sent ${got.sent.messages} messages, recorded ${e.sent}`);
    if (got.received.messages !== e.received)
      out.push(`${name}: the page received ${got.received.messages} messages, recorded ${e.received}`);
    const order = (got.messages ?? []).map((m) => (m.dir === 'sent' ? 's' : 'r')).join('');
    if (got.messages && !order.endsWith(e.order))
      out.push(
        `${name}: messages went ${order.slice(-e.order.length)}, recorded ${e.order} (s: sent, r: received)`,
      );
    return out;
  });
}
