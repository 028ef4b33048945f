import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * A QA suite's app in miniature: /clean.html opens a socket that closes normally, /drop.html one
 * whose connection the server drops once the page has said hello (the page sees 1006). The ?token= is there to show that a
 * failure message never prints it.
 */
const page = (path: string) => `<!doctype html><script>
  const s = new WebSocket('ws://' + location.host + '${path}?token=s3cr3t-T0ken');
  s.onopen = () => s.send('hello');
  s.onmessage = () => s.close(1000, 'done');
</script>`;

export async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(page(req.url === '/drop.html' ? '/ws/drop' : '/ws/echo'));
  });
  http.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The drop comes after the page's first message: the socket has surely opened by then.
      if (req.url?.startsWith('/ws/drop')) ws.on('message', () => ws.terminate());
      else ws.on('message', (m, binary) => ws.send(m, { binary }));
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
