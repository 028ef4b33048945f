export interface RedirectRoutes {
  /** The stand-in server, ws://127.0.0.1:<port>. */
  base: string;
  /** Host and path of each recorded route; a socket's route is its index. */
  routes: string[];
}

/**
 * Runs in the page, serialised by the test runner, so it imports nothing: the route key and the
 * replay URL are spelled here as replay-routes.ts spells them (its tests hold both to one
 * answer). Only sockets on a recorded route are sent to the stand-in; the page's WebSocket is
 * otherwise the one it had, recorder included.
 */
export function redirectSockets({ base, routes }: RedirectRoutes): void {
  const Native = window.WebSocket;
  window.WebSocket = new Proxy(Native, {
    construct(target, args: unknown[], newTarget: (...a: unknown[]) => unknown) {
      let url: URL | null = null;
      try {
        url = new URL(String(args[0]), document.baseURI);
      } catch {
        // The native constructor gives the page its own SyntaxError for a bad URL.
      }
      const route = url ? routes.indexOf(url.host + url.pathname) : -1;
      const to =
        url && route >= 0 ? [`${base}/${route}${url.pathname}${url.search}`, ...args.slice(1)] : args;
      return Reflect.construct(target, to, newTarget) as object;
    },
  });
}
