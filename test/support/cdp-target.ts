import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { wsText } from './ws-text';

export interface TargetInfo {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

/**
 * The browser's CDP targets, for a Chromium launched with --remote-debugging-port=0 on
 * `profile` (it writes the port it picked into DevToolsActivePort).
 */
export async function listTargets(profile: string): Promise<TargetInfo[]> {
  const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  return (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as TargetInfo[];
}

/**
 * A minimal CDP client on one target's own WebSocket (from /json/list), for targets Playwright
 * does not expose: the DevTools front end, the extension's service worker.
 */
export class CdpTarget {
  private nextId = 0;
  private readonly pending = new Map<number, (error: Error) => void>();
  private constructor(private readonly socket: WebSocket) {
    // A target that goes away (a stopped worker, a closed tab) must fail its callers, not hang them.
    socket.once('close', () => {
      for (const fail of this.pending.values()) fail(new Error('the CDP target went away'));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<CdpTarget> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new CdpTarget(socket);
  }

  /** Sends one CDP command and resolves with its result. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(wsText(data)) as { id?: number; result?: T; error?: { message?: string } };
        if (m.id !== id) return;
        this.socket.off('message', onMessage);
        this.pending.delete(id);
        if (m.error) reject(new Error(`${method}: ${m.error.message ?? 'failed'}`));
        else resolve(m.result as T);
      };
      this.pending.set(id, (error) => {
        this.socket.off('message', onMessage);
        reject(error);
      });
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates an expression (awaiting promises) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{
      result?: { value?: T };
      exceptionDetails?: { exception?: { description?: string } };
    }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result?.value as T;
  }

  close(): void {
    this.socket.close();
  }
}
