import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ExtensionBrowser } from './chromium';

interface TargetInfo {
  type: string;
  url: string;
  webSocketDebuggerUrl: string;
}

/** A minimal CDP client on one target's own WebSocket, for targets Playwright does not expose. */
export class CdpTarget {
  private nextId = 0;
  private constructor(private readonly socket: WebSocket) {}

  static async connect(url: string): Promise<CdpTarget> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new CdpTarget(socket);
  }

  /** Sends one CDP command and resolves with its result. */
  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const m = JSON.parse(String(data)) as { id?: number; result?: T; error?: { message: string } };
        if (m.id !== id) return;
        this.socket.off('message', onMessage);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result as T);
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates an expression (awaiting promises) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result?: { value?: T }; exceptionDetails?: { exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result?.value as T;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Drives the real DevTools window of a page (Chromium launched with
 * --auto-open-devtools-for-tabs --remote-debugging-port=0): finds the DevTools front end that
 * inspects `pageUrl`, shows our panel in it, and returns a client for the panel's own frame
 * and a way to switch the DevTools theme.
 */
export async function showPanelInDevTools(ext: ExtensionBrowser, pageUrl: string): Promise<{ panel: CdpTarget; setTheme(theme: 'default' | 'dark'): Promise<void> }> {
  const [port] = (await readFile(join(ext.profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const list = async () => (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as TargetInfo[];
  const panelId = `chrome-extension://${ext.extensionId}WebSockets`;
  const frontEnd = await findFrontEnd(list, pageUrl);
  // A DevTools window left in the background is a hidden document: it runs no animation frames,
  // and the panel renders in them.
  await frontEnd.send('Page.bringToFront');
  const showPanel = () =>
    frontEnd.evaluate(`(async () => {
      const legacy = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
      await legacy.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)});
    })()`);
  const setTheme = async (theme: 'default' | 'dark') => {
    await frontEnd.evaluate(`(async () => {
      const common = await import('devtools://devtools/bundled/core/common/common.js');
      common.Settings.Settings.instance().moduleSetting('ui-theme').set(${JSON.stringify(theme)});
    })()`);
  };
  const panelUrl = `chrome-extension://${ext.extensionId}/panel.html`;
  for (let i = 0; i < 100; i++) {
    // Asked again until it shows: DevTools knows the panel only once the extension's devtools
    // page has added it (the request may fail until then).
    await showPanel().catch(() => undefined);
    const frame = (await list()).find((t) => t.type === 'iframe' && t.url === panelUrl);
    if (frame) return { panel: await CdpTarget.connect(frame.webSocketDebuggerUrl), setTheme };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the panel frame never appeared in DevTools');
}

/** The DevTools front end inspecting `pageUrl`; it may take a moment to open and attach. */
async function findFrontEnd(list: () => Promise<TargetInfo[]>, pageUrl: string): Promise<CdpTarget> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const target of (await list()).filter((t) => t.url.startsWith('devtools://'))) {
      const frontEnd = await CdpTarget.connect(target.webSocketDebuggerUrl);
      const inspected = await frontEnd
        .evaluate<string | null>(
          `(async () => {
            const sdk = await import('devtools://devtools/bundled/core/sdk/sdk.js');
            return sdk.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? null;
          })()`,
        )
        .catch(() => null);
      if (inspected === pageUrl) return frontEnd;
      frontEnd.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no DevTools front end inspects ${pageUrl}`);
}
