import { afterEach, describe, expect, it } from 'vitest';
import { redirectSockets } from '../../../src/automation/replay/redirect-sockets';
import { replayUrl, routeKey, routeOfReplayUrl, routesOf } from '../../../src/replay/replay-routes';

const base = 'ws://127.0.0.1:4567';

describe('replay routes', () => {
  it('groups sockets by host and path, whatever their query or scheme', () => {
    expect(
      routesOf([
        'wss://a.test/io?sid=1',
        'ws://a.test/io?sid=2&token=[redacted]',
        'wss://a.test/other',
        'wss://b.test/io',
      ]),
    ).toEqual(['a.test/io', 'a.test/other', 'b.test/io']);
    expect(routeKey('not a url')).toBe('not a url');
  });

  it('maps a URL to its route on the stand-in and back', () => {
    const url = replayUrl(base, 2, 'wss://a.test/socket.io/?EIO=4');
    expect(url).toBe(`${base}/2/socket.io/?EIO=4`);
    expect(routeOfReplayUrl(base, url)).toBe(2);
    expect(routeOfReplayUrl(base, 'wss://a.test/2/x')).toBeNull();
  });

  describe('redirectSockets, as it runs in the page', () => {
    const saved = { ...globalThis } as Record<string, unknown>;
    afterEach(() => {
      for (const k of ['window', 'document']) globalThis[k as 'window'] = saved[k] as never;
    });

    it('sends a socket on a recorded route where replayUrl says, and leaves every other socket alone', () => {
      class FakeSocket {
        constructor(
          readonly url: string,
          readonly protocols?: string[],
        ) {}
      }
      const win = { WebSocket: FakeSocket as unknown };
      Object.assign(globalThis, { window: win, document: { baseURI: 'https://a.test/app/' } });
      const routes = routesOf(['wss://a.test/io?sid=1', 'wss://b.test/feed']);
      redirectSockets({ base, routes });
      const Ws = win.WebSocket as typeof FakeSocket;
      const redirected = new Ws('wss://b.test/feed?x=1', ['v1']);
      expect(redirected.url).toBe(replayUrl(base, 1, 'wss://b.test/feed?x=1'));
      expect(redirected.protocols).toEqual(['v1']);
      expect(redirected).toBeInstanceOf(FakeSocket);
      expect(new Ws('/io?sid=9').url).toBe(replayUrl(base, 0, 'wss://a.test/io?sid=9'));
      expect(new Ws('wss://c.test/io').url).toBe('wss://c.test/io');
      expect(new Ws('::bad').url).toBe('::bad');
    });
  });
});
