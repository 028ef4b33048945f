import type { Page } from '@playwright/test';

/** What the page itself counted on its busy socket: the truth the panel must match. */
export interface BusyCounts {
  sent: number;
  received: number;
  code: number | null;
}

/**
 * Keeps one socket to the echo server busy from the page's own script: a message every 10
 * milliseconds until `stopBusySocket`, which closes it with 4000 and resolves with the counts.
 */
export async function startBusySocket(page: Page, echoUrl: string): Promise<void> {
  await page.evaluate((url) => {
    const counts = { sent: 0, received: 0, code: null as number | null };
    const ws = new WebSocket(url);
    let timer = 0;
    ws.onopen = () => {
      timer = window.setInterval(() => {
        ws.send(`tick ${counts.sent}`);
        counts.sent++;
      }, 10);
    };
    ws.onmessage = () => counts.received++;
    const closed = new Promise<void>((resolve) => (ws.onclose = (e) => resolve(void (counts.code = e.code))));
    Object.assign(window, {
      busyCounts: () => ({ ...counts }),
      stopBusySocket: async () => {
        clearInterval(timer);
        // Every echo back first, so both directions are final before the close.
        while (counts.received < counts.sent) await new Promise((r) => setTimeout(r, 5));
        ws.close(4000, 'done');
        await closed;
        return { ...counts };
      },
    });
  }, echoUrl);
}

export function busyCounts(page: Page): Promise<BusyCounts> {
  return page.evaluate(() => (window as unknown as { busyCounts(): BusyCounts }).busyCounts());
}

export function stopBusySocket(page: Page): Promise<BusyCounts> {
  return page.evaluate(() =>
    (window as unknown as { stopBusySocket(): Promise<BusyCounts> }).stopBusySocket(),
  );
}
