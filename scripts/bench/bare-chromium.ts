import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdpTarget, listTargets } from '../../test/support/cdp-target';
import type { TargetInfo } from '../../test/support/cdp-target';
import { BASE_FLAGS, findChromium } from '../../test/support/chromium';
import { builtExtensionDir } from '../../test/support/built-extension';
import { until } from '../../test/support/until';

/**
 * Chromium driven over a bare CDP connection per target, for measuring. Playwright enables the
 * Network domain on every page to offer `page.on('websocket')`, so Chromium serialises a CDP
 * event for every WebSocket frame and Playwright parses it: for 200,000 small messages that
 * costs more than the recorder does and would hide it. Here nothing listens to the network.
 */
export interface BareChromium {
  profile: string;
  /** Set when launched with the extension. */
  extensionId: string | null;
  open(url: string): Promise<BarePage>;
  /** The extension's panel, standalone, for the tab showing `pageUrl` (extension only). */
  openPanel(pageUrl: string): Promise<BarePage>;
  /** A CDP client on the first target that matches, once it exists. */
  attach(match: (t: TargetInfo) => boolean): Promise<CdpTarget>;
  close(): Promise<void>;
}

export interface BarePage {
  cdp: CdpTarget;
  /** Runs a self-contained function in the page with one JSON argument; awaits its promise. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** Keep timers and renderers at full speed whatever the tab's visibility: both sides alike. */
const STEADY_FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export async function launchBare(options: { extension: boolean }): Promise<BareChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'wsci-bench-'));
  const dir = options.extension ? builtExtensionDir('chrome') : null;
  const args = [
    '--headless',
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    ...BASE_FLAGS,
    ...STEADY_FLAGS,
    ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
    'about:blank',
  ];
  const child = spawn(findChromium(), args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const targets = () => listTargets(profile);
  await until(async () => (await targets().catch(() => [])).length > 0, 'Chromium did not start');

  const attach = async (match: (t: TargetInfo) => boolean): Promise<CdpTarget> => {
    const found = await until(async () => (await targets()).find(match), 'no such target');
    return CdpTarget.connect(found.webSocketDebuggerUrl);
  };
  let extensionId: string | null = null;
  if (options.extension) {
    const worker = await until(
      async () =>
        (await targets()).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')),
      'the extension did not start',
    );
    extensionId = new URL(worker.url).host;
  }

  const open = async (url: string): Promise<BarePage> => {
    const [port] = (await targets()).map((t) => new URL(t.webSocketDebuggerUrl).port);
    const target = (await (
      await fetch(`http://127.0.0.1:${port}/json/new?${encodeURI(url)}`, { method: 'PUT' })
    ).json()) as TargetInfo & { id: string };
    const cdp = await CdpTarget.connect(target.webSocketDebuggerUrl);
    // A new tab starts on about:blank: wait for the page itself, loaded.
    const loaded = `location.href === ${JSON.stringify(new URL(url).href)} && document.readyState === 'complete'`;
    await until(() => cdp.evaluate<boolean>(loaded).catch(() => false), `${url} did not load`);
    return {
      cdp,
      // tsx compiles with esbuild's keepNames, which calls a `__name` helper the page lacks.
      run: (fn, arg) => cdp.evaluate(`((__name) => (${fn.toString()})(${JSON.stringify(arg)}))((f) => f)`),
      async close() {
        cdp.close();
        await fetch(`http://127.0.0.1:${port}/json/close/${target.id}`);
      },
    };
  };

  return {
    profile,
    extensionId,
    attach,
    open,
    async openPanel(pageUrl) {
      if (!extensionId) throw new Error('no extension in this Chromium');
      // An extension page has the tabs API; the panel then reloads itself for that tab.
      const panel = await open(`chrome-extension://${extensionId}/panel.html`);
      const tabId = await panel.cdp.evaluate<number>(
        `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(pageUrl)}).id)`,
      );
      await panel.cdp.evaluate(`location.search = '?tabId=${tabId}'`);
      await until(
        () =>
          panel.cdp
            .evaluate<boolean>(`location.search === '?tabId=${tabId}' && document.readyState === 'complete'`)
            .catch(() => false),
        'the panel did not load',
      );
      // The entries read the Received column, which a narrow list gives way first: a headless
      // window is 800 px wide, and with a socket selected the list has half the width.
      await panel.cdp.send('Emulation.setDeviceMetricsOverride', {
        width: 2560,
        height: 800,
        deviceScaleFactor: 1,
        mobile: false,
      });
      return panel;
    },
    async close() {
      child.kill();
      await exited;
      await rm(profile, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}
