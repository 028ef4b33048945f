import { captureNatives } from './natives';
import { PageChannel } from './page-channel';
import { PageHistory } from './page-history';
import { ownScriptUrl } from './own-frames';
import { patchWebSocket } from './recorder';

const INSTALLED = Symbol.for('websocket-close-inspector.recorder');

/**
 * Installs the recorder in this window: the one entry shared by the extension's MAIN-world
 * content script and by test suites that inject the bundle with `page.addInitScript`.
 * Installing twice (extension plus init script) records once.
 */
export function startRecorder(win: Window & typeof globalThis): void {
  const flag = win as unknown as Record<symbol, boolean>;
  if (flag[INSTALLED]) return;
  Object.defineProperty(win, INSTALLED, { value: true });
  const natives = captureNatives(win);
  const ownScript = ownScriptUrl(win);
  const history = new PageHistory(natives.randomId());
  const channel = new PageChannel(history, natives);
  channel.recorder = patchWebSocket(
    win,
    natives,
    {
      emit: (e) => channel.push(history.record(e)),
      blobPreview: (read) => {
        channel.previewStarted();
        void read.then(() => channel.previewDone());
      },
    },
    ownScript,
  );
  // Events still queued when the document goes away would otherwise be lost with it.
  natives.addListener(win, 'pagehide', () => channel.flushNow());
}
