/**
 * What the page does while DevTools records: one socket for each kind of close a bug report
 * meets, against the scenario server. Plain JavaScript text, evaluated as it is in Chromium and
 * Firefox (a function would be rewritten by the TypeScript loader). The URL token and the JWT
 * are there to show that the CLI redacts what a real HAR carries.
 */
export const SESSION_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJxYS11c2VyIiwiaWF0IjoxNzk1MDAwMDAwfQ.8xYq0n1kq2Yl0R5p3W4dZ6t7u8v9w0x1y2z3a4b5c6d';
export const SESSION_TOKEN = 's3cr3t-T0ken';

export function sessionScript(ws: string): string {
  return `(async (ws) => {
    const run = (url, act) => new Promise((resolve) => {
      const s = new WebSocket(url);
      s.binaryType = 'arraybuffer';
      s.onopen = () => act && act(s);
      s.onclose = (e) => resolve({ url, code: e.code, reason: e.reason, wasClean: e.wasClean });
    });
    return JSON.stringify(await Promise.all([
      run(ws + '/ws/close?after=message&code=4001&reason=' + encodeURIComponent('session expired'), (s) =>
        s.send(JSON.stringify({ type: 'auth', credentials: ${JSON.stringify(SESSION_JWT)} }))),
      run(ws + '/ws/echo?room=7&token=${SESSION_TOKEN}', (s) => {
        s.send('hello');
        s.send(new Uint8Array([0xca, 0xfe, 0x00, 0xff]));
        s.onmessage = (e) => e.data instanceof ArrayBuffer && s.close(1000, 'done');
      }),
      run(ws + '/ws/terminate'),
      run(ws + '/ws/close?code=1011&reason=boom'),
      run(ws + '/ws/status?code=403'),
      run(ws + '/ws/bad-utf8'),
    ]));
  })(${JSON.stringify(ws)})`;
}

/** What the page's own close events said, one per socket of the session. */
export interface SessionClose {
  url: string;
  code: number;
  reason: string;
  wasClean: boolean;
}
