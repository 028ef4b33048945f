/**
 * Workloads that run inside the measured page (handed to page.evaluate), so each is
 * self-contained. They time themselves with the page's own clock: only the page's work is in
 * the figure, not the round trips of the automation.
 */

/**
 * Opens a socket to a flood, asks for it, and resolves with the ms until the last message.
 * `bareListener`: the page first adds the least any recorder must do per message, with no
 * extension installed (the floor the CPU profile entry compares the recorder to).
 */
export function receiveFlood([url, count, bareListener]: readonly [
  string,
  number,
  boolean?,
]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    let seen = 0;
    // Named: the profile finds its frames by this name. It listens, as the recorder must, before
    // the page's listener, checks isTrusted, reads a clock and the data, and keeps nothing.
    // A method: tsx (esbuild's keepNames) wraps an arrow or a declaration in a __name() call the
    // page lacks, and the wrapped arrow is nameless to V8's profile; a method is left as it is.
    const bare = {
      bareListenerFrame(this: void, e: MessageEvent) {
        if (e.isTrusted) seen += Date.now() > 0 && e.data ? 1 : 0;
      },
    };
    if (bareListener) ws.addEventListener('message', bare.bareListenerFrame, true);
    let received = 0;
    let bytes = 0;
    let start = 0;
    ws.onopen = () => {
      start = performance.now();
      ws.send('go');
    };
    ws.onmessage = (e) => {
      // Touch the data as a real page would, so a lazily materialised payload is paid for.
      bytes += typeof e.data === 'string' ? e.data.length : (e.data as ArrayBuffer).byteLength;
      if (++received < count) return;
      const ms = performance.now() - start;
      if (bareListener && seen !== count) reject(new Error(`the bare listener saw ${seen} of ${count}`));
      ws.onclose = () => resolve(ms);
      ws.close();
    };
    ws.onerror = () =>
      reject(new Error(`socket to ${url} failed after ${received} messages, ${bytes} bytes`));
  });
}

/**
 * Sends `count` text messages of `bytes` characters as fast as the page can call send(), and
 * resolves with the ms until the server confirmed them all, and the ms of the send() loop alone.
 */
export function sendBurst([url, count, bytes]: readonly [string, number, number]): Promise<{
  total: number;
  loop: number;
}> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const payload = 'y'.repeat(bytes);
    let start = 0;
    let loop = 0;
    ws.onopen = () => {
      start = performance.now();
      for (let i = 0; i < count; i++) ws.send(payload);
      loop = performance.now() - start;
    };
    ws.onmessage = () => {
      const total = performance.now() - start;
      ws.onclose = () => resolve({ total, loop });
      ws.close();
    };
    ws.onerror = () => reject(new Error(`socket to ${url} failed`));
  });
}

/**
 * Opens `sockets` sockets to a flood, `lanes` at a time (Chromium allows only so many at once),
 * each taking `perSocket` messages and then closing; resolves with the messages received.
 */
export async function manySockets([url, sockets, perSocket, lanes]: readonly [
  string,
  number,
  number,
  number,
]): Promise<number> {
  let started = 0;
  let received = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url);
      let n = 0;
      ws.onopen = () => ws.send('go');
      ws.onmessage = () => {
        received++;
        if (++n < perSocket) return;
        ws.onclose = () => resolve();
        ws.close();
      };
      ws.onerror = () => reject(new Error(`socket ${started} failed after ${n} messages`));
    });
  const lane = async () => {
    while (started < sockets) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return received;
}

/** One message to the echo server and back, then a normal close. */
export function echoOnce(url: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => ws.send('x');
    ws.onmessage = () => ws.close(1000);
    ws.onclose = () => resolve();
  });
}
