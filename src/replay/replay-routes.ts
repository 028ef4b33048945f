/**
 * How an app's socket finds its stand-in: sockets to the same host and path form a route (the
 * query is left out: it often carries a session id or a redacted token that differs between
 * runs), and the n-th socket the app opens on a route is served as the n-th recorded one.
 */
export function routeKey(url: string): string {
  try {
    const u = new URL(url);
    return u.host + u.pathname;
  } catch {
    return url;
  }
}

/** The routes of the recorded sockets, in first-use order: a socket's route is its index here. */
export function routesOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map(routeKey))];
}

/** Where the stand-in server (at `base`, "ws://127.0.0.1:port") serves `url`'s route number `route`. */
export function replayUrl(base: string, route: number, url: string): string {
  const u = new URL(url);
  return `${base}/${route}${u.pathname}${u.search}`;
}

/** The route a replay URL serves, or null for any other URL. */
export function routeOfReplayUrl(base: string, url: string): number | null {
  if (!url.startsWith(`${base}/`)) return null;
  const n = /^\d+/.exec(url.slice(base.length + 1));
  return n ? Number(n[0]) : null;
}
