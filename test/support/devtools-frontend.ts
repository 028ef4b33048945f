import type { ExtensionBrowser } from './chromium';
import { CdpTarget, listTargets } from './cdp-target';
import type { TargetInfo } from './cdp-target';

/**
 * Drives the real DevTools window of a page (Chromium launched with
 * --auto-open-devtools-for-tabs --remote-debugging-port=0): finds the DevTools front end that
 * inspects `pageUrl`, shows our panel in it, and returns a client for the panel's own frame
 * and a way to switch the DevTools theme.
 */
export async function showPanelInDevTools(
  ext: ExtensionBrowser,
  pageUrl: string,
): Promise<{ panel: CdpTarget; setTheme(theme: 'default' | 'dark'): Promise<void> }> {
  const list = () => listTargets(ext.profile);
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
export async function findFrontEnd(list: () => Promise<TargetInfo[]>, pageUrl: string): Promise<CdpTarget> {
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
