import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { findFirefox } from './firefox';
import { wsText } from './ws-text';

/** A remote value as WebDriver BiDi returns it (only what these callers read). */
export interface RemoteValue {
  type: string;
  value?: unknown;
}

/**
 * Firefox ESR driven over raw WebDriver BiDi, the protocol Selenium and WebdriverIO speak: what
 * their users' preload scripts go through, with no client library in between. With
 * `chrome: true` it also allows scripts in the browser's own (chrome) scope, which is how a test
 * reaches Firefox's DevTools.
 */
export class BidiFirefox {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(m: unknown): void; reject(e: Error): void }>();

  private constructor(
    private readonly process: ChildProcess,
    private readonly socket: WebSocket,
    private readonly profile: string,
  ) {
    socket.on('message', (data) => {
      const m = JSON.parse(wsText(data)) as {
        id?: number;
        type?: string;
        result?: unknown;
        error?: string;
        message?: string;
      };
      const waiting = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!waiting || m.id === undefined) return;
      this.pending.delete(m.id);
      if (m.type === 'error') waiting.reject(new Error(`${m.error ?? 'error'}: ${m.message ?? ''}`));
      else waiting.resolve(m.result);
    });
    socket.once('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('the BiDi connection closed'));
      this.pending.clear();
    });
  }

  static async launch(options: { chrome?: boolean } = {}): Promise<BidiFirefox> {
    const profile = await mkdtemp(join(tmpdir(), 'wsci-bidi-'));
    // Quiet on a closed network: no update, telemetry or first-run traffic.
    await writeFile(
      join(profile, 'user.js'),
      [
        'user_pref("app.update.disabledForTesting", true);',
        'user_pref("browser.shell.checkDefaultBrowser", false);',
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
        'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
        'user_pref("network.captive-portal-service.enabled", false);',
      ].join('\n'),
    );
    const args = ['--headless', '--profile', profile, '--remote-debugging-port', '0'];
    if (options.chrome) args.push('--remote-allow-system-access');
    const process = spawn(findFirefox(), [...args, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      process.stderr?.on('data', (d: Buffer) => {
        seen += d.toString('utf8');
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
        if (m?.[1]) resolve(m[1]);
      });
      process.once('exit', (code) =>
        reject(new Error(`Firefox exited (${code}) before listening:\n${seen}`)),
      );
    });
    const socket = new WebSocket(`${url}/session`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const ff = new BidiFirefox(process, socket, profile);
    await ff.send('session.new', { capabilities: {} });
    return ff;
  }

  /** Sends one BiDi command and resolves with its result. */
  send<T = unknown>(method: string, params: Record<string, unknown>): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (m) => resolve(m as T), reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** The browsing contexts (tabs, or with scope "chrome" the browser windows) and their frames, flattened. */
  async contexts(scope?: 'chrome'): Promise<string[]> {
    interface Tree {
      context: string;
      children?: Tree[] | null;
    }
    const { contexts } = await this.send<{ contexts: Tree[] }>(
      'browsingContext.getTree',
      scope ? { 'moz:scope': scope } : {},
    );
    const flat = (t: Tree): string[] => [t.context, ...(t.children ?? []).flatMap(flat)];
    return contexts.flatMap(flat);
  }

  /** Evaluates an expression in a context, awaiting a promise, and returns its value as BiDi serialises it. */
  async evaluate(context: string, expression: string): Promise<RemoteValue> {
    const r = await this.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text?: string } }>(
      'script.evaluate',
      { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' },
    );
    if (r.type === 'exception' || !r.result) throw new Error(r.exceptionDetails?.text ?? 'evaluation failed');
    return r.result;
  }

  async close(): Promise<void> {
    this.socket.close();
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill();
    await exited;
    await rm(this.profile, { recursive: true, force: true });
  }
}

/** A BiDi string result's value; anything else is a failure of the script that asked. */
export function stringValue(r: RemoteValue): string {
  if (r.type !== 'string' || typeof r.value !== 'string') throw new Error(`expected a string, got ${r.type}`);
  return r.value;
}
