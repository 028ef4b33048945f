import type { Page } from '@playwright/test';

/** What the page's own handlers saw of one socket: the ground truth the panel must match. */
export interface PageSaw {
  opened: boolean;
  errored: boolean;
  code: number;
  reason: string;
  wasClean: boolean;
}

export type PageAction = 'none' | 'close()' | 'close(1000)' | 'close(4001)' | 'send';

/**
 * Opens a socket from the page's own script, optionally acts on open, and resolves with what its
 * handlers saw when it closed.
 */
export function runSocket(page: Page, url: string, action: PageAction = 'none', reason = ''): Promise<PageSaw> {
  return page.evaluate(
    ([url, action, reason]) =>
      new Promise<PageSaw>((resolve) => {
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
      }),
    [url, action, reason] as const,
  );
}
