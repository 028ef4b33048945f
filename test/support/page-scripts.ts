/** What the page's own handlers saw of one socket: the ground truth the panel must match. */
export interface PageSaw {
  opened: boolean;
  errored: boolean;
  code: number;
  reason: string;
  wasClean: boolean;
}

export type PageAction = 'none' | 'send' | 'close()' | 'close(1000)' | 'close(4001)';

export interface SocketRun {
  url: string;
  action?: PageAction | undefined;
  reason?: string | undefined;
}

/**
 * Runs in the page (pass it to `page.evaluate` of Playwright or Puppeteer, so it must stay
 * self-contained): opens a socket from the page's own script, optionally acts on open, and
 * resolves with what its handlers saw when it closed.
 */
export function watchSocket({ url, action = 'none', reason = '' }: SocketRun): Promise<PageSaw> {
  return new Promise<PageSaw>((resolve) => {
    const ws = new WebSocket(url);
    const saw = { opened: false, errored: false };
    ws.onopen = () => {
      saw.opened = true;
      if (action === 'close()') ws.close();
      else if (action === 'close(1000)') ws.close(1000, reason);
      else if (action === 'close(4001)') ws.close(4001, reason);
      else if (action === 'send') ws.send('hello');
    };
    ws.onerror = () => (saw.errored = true);
    ws.onclose = (e) => resolve({ ...saw, code: e.code, reason: e.reason, wasClean: e.wasClean });
  });
}
