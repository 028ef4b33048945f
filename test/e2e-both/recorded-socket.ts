import type { PageDriver } from '../support/driver/driver';
import { expect } from './fixtures';

/** What the page's own handlers saw: onmessage and a listener, each with isTrusted and data. */
export interface Heard {
  via: 'onmessage' | 'listener';
  trusted: boolean;
  data: string;
}

/**
 * Runs in the page: a socket to /ws/record that keeps what its handlers get; `inFrame` opens it
 * from a same-origin iframe's own WebSocket, so the socket lives in the frame.
 */
export async function openRecordedSocket({ url, inFrame = false }: { url: string; inFrame?: boolean }) {
  const w = window as unknown as { heard: Heard[]; ws: WebSocket };
  w.heard = [];
  let Socket = WebSocket;
  if (inFrame) {
    const frame = document.createElement('iframe');
    frame.src = `${location.pathname}?frame`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    Socket = (frame.contentWindow as unknown as { WebSocket: typeof WebSocket }).WebSocket;
  }
  const ws = new Socket(url);
  ws.binaryType = 'arraybuffer';
  // By its tag, not instanceof: an ArrayBuffer made in the frame is not this window's.
  const isBuffer = (d: unknown): d is ArrayBuffer =>
    Object.prototype.toString.call(d) === '[object ArrayBuffer]';
  const note = (via: Heard['via'], e: MessageEvent) =>
    w.heard.push({
      via,
      trusted: e.isTrusted,
      data: isBuffer(e.data)
        ? `ArrayBuffer:${[...new Uint8Array(e.data)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
        : String(e.data),
    });
  ws.onmessage = (e) => note('onmessage', e);
  ws.addEventListener('message', (e) => note('listener', e));
  w.ws = ws;
  await new Promise<void>((resolve) => (ws.onopen = () => resolve()));
}

export const heardByPage = (page: PageDriver) =>
  page.evaluate(() => (window as unknown as { heard: Heard[] }).heard, null);

/** What the scenario server's /ws/record socket `id` received so far. */
export const heardByServer = async (http: string, id: string) =>
  (await (await fetch(`${http}/heard?id=${id}`)).json()) as string[];

/** Selects the socket whose row names `text`, once the panel lists it. */
export async function selectSocket(panel: PageDriver, text: string): Promise<void> {
  const row = { css: 'tr[data-socket-id]', text };
  await expect.poll(() => panel.box(row)).not.toBeNull();
  await panel.click(row);
}
