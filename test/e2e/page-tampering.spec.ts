import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { exportJson } from './panel-reader';

/**
 * Pages that do their own thing to `window.WebSocket` once loaded (after the recorder patched
 * it at document_start): the page must keep working exactly as it meant to, and its sockets must
 * still be recorded, with the traffic that really went over the wire.
 */
const TAMPERINGS: { name: string; tamper: () => void }[] = [
  {
    name: 'wraps it in its own constructor function',
    tamper() {
      const Inner = WebSocket;
      const Wrapped = function (this: unknown, url: string, protocols?: string | string[]) {
        return new Inner(url, protocols);
      } as unknown as typeof WebSocket;
      Object.assign(Wrapped, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
      Wrapped.prototype = Inner.prototype;
      window.WebSocket = Wrapped;
    },
  },
  {
    name: 'replaces it with a subclass that rewrites what it sends',
    tamper() {
      window.WebSocket = class extends WebSocket {
        override send(data: string) {
          super.send(`wrapped:${data}`);
        }
      };
    },
  },
  {
    name: 'freezes it, its prototype and the global',
    tamper() {
      Object.freeze(WebSocket.prototype);
      Object.freeze(WebSocket);
      Object.defineProperty(window, 'WebSocket', { writable: false, configurable: false });
    },
  },
];

/** Echoes one message, then closes with 4000: what the page saw. */
function session(page: Page, url: string) {
  return page.evaluate(
    (u) =>
      new Promise<{ echoed: string; code: number; frozen: boolean }>((resolve) => {
        const ws = new WebSocket(u);
        let echoed = '';
        ws.onopen = () => ws.send('hello');
        ws.onmessage = (e) => {
          echoed = String(e.data);
          ws.close(4000, 'done');
        };
        ws.onclose = (e) => resolve({ echoed, code: e.code, frozen: Object.isFrozen(WebSocket.prototype) });
      }),
    url,
  );
}

for (const { name, tamper } of TAMPERINGS) {
  test(`a page that ${name} keeps working and is still recorded`, async ({ open, ext, server }) => {
    const { page, tabId } = await open('blank.html');
    await page.evaluate(tamper);
    const saw = await session(page, `${server.ws}/ws/echo`);
    const sent = name.includes('subclass') ? 'wrapped:hello' : 'hello';
    expect(saw).toEqual({ echoed: sent, code: 4000, frozen: name.includes('freezes') });

    const panel = await ext.openPanel(tabId);
    const traffic = { messages: 1, bytes: sent.length };
    await expect
      .poll(async () => (await exportJson(panel)).sockets.map((s) => [s.sent, s.received, s.close?.code]))
      .toEqual([[traffic, traffic, 4000]]);
  });
}
