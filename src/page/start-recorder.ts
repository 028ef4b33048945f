import { ObjectDefineProperty, SymbolFor } from '../primordials/primordials';
import { captureNatives } from './natives';
import { ownScriptUrl } from './own-frames';
import { PageChannel } from './page-channel';
import { PageHistory } from './page-history';
import { patchWebSocket } from './recorder';

const INSTALLED = SymbolFor('websocket-close-inspector.recorder');

/**
 * Installs the recorder in this window: the one entry shared by the extension's MAIN-world
 * content script and by test suites that inject the bundle with `page.addInitScript`.
 * Installing twice (extension plus init script) records once.
 */
export function startRecorder(win: Window & typeof globalThis): void {
  const flag = win as unknown as Record<symbol, boolean>;
  if (flag[INSTALLED]) return;
  ObjectDefineProperty(win, INSTALLED, { value: true });
  const natives = captureNatives(win);
  const history = new PageHistory(natives.randomId(), natives);
  const channel = new PageChannel(history, natives);
  channel.recorder = patchWebSocket(win, natives, history, channel, ownScriptUrl());
  // Events still queued when the document goes away would otherwise be lost with it.
  natives.addListener(
    win,
    'pagehide',
    () => {
      try {
        channel.flushNow();
      } catch {
        // Nothing may reach the page's error handlers.
      }
    },
    false,
  );
}
