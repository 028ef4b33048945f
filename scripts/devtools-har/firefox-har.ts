import { BidiFirefox, stringValue } from '../../test/support/bidi-firefox';
import { sessionScript } from './session';

/**
 * A HAR as Firefox's DevTools builds it: Firefox ESR with its toolbox open on the Network
 * panel, the session run in the page, then the panel's own HAR (NetMonitorAPI.getHar(), the
 * builder behind "Save All As HAR" and the extensions' devtools.network.getHAR()). The toolbox
 * is reached from the browser's chrome scope over WebDriver BiDi.
 */
export async function firefoxDevtoolsHar(server: {
  http: string;
  ws: string;
}): Promise<{ har: string; closes: string }> {
  const ff = await BidiFirefox.launch({ chrome: true });
  try {
    const [tab] = await ff.contexts();
    const [window] = await ff.contexts('chrome');
    if (!tab || !window) throw new Error('Firefox has no tab or window');
    await ff.send('browsingContext.navigate', {
      context: tab,
      url: `${server.http}/blank.html`,
      wait: 'complete',
    });
    await ff.evaluate(
      window,
      `(async () => {
        const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
        const { gDevTools } = require('devtools/client/framework/devtools');
        globalThis.wsciToolbox = await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'netmonitor' });
      })()`,
    );
    const closes = stringValue(await ff.evaluate(tab, sessionScript(server.ws)));
    // The Network panel collects each request's details asynchronously: ask until every socket
    // of the session has its response.
    const sockets = (JSON.parse(closes) as unknown[]).length;
    for (let attempt = 0; attempt < 50; attempt++) {
      const har = stringValue(
        await ff.evaluate(
          window,
          `(async () => JSON.stringify(await (await globalThis.wsciToolbox.getNetMonitorAPI()).getHar(), null, 2))()`,
        ),
      );
      if (complete(har, sockets)) return { har, closes };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("Firefox's Network panel never listed every socket of the session");
  } finally {
    await ff.close();
  }
}

/** Whether the HAR lists `sockets` WebSocket entries, each with a response. */
function complete(har: string, sockets: number): boolean {
  const { log } = JSON.parse(har) as {
    log: { entries: { request: { url: string }; response: { status: number } }[] };
  };
  const ws = log.entries.filter((e) => /^wss?:/.test(e.request.url));
  return ws.length === sockets && ws.every((e) => e.response.status > 0);
}
