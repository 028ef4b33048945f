// Deep capture's wiring in the service worker of the Chrome build with deep capture, which has
// `debugger` from install: chrome.debugger behind the CdpPort that src/background/deep-capture/
// speaks.
import { DeepCapture } from '../src/background/deep-capture/deep-capture';
import type { DeepCaptureDeps } from '../src/background/deep-capture/deep-capture';
import type { CdpPort } from '../src/background/deep-capture/cdp-port';

/** Written by worker-recorder-plugin.ts into the deep capture build. */
const WORKER_RECORDER_FILE = 'worker-recorder.js';
const TABS_KEY = 'deepCaptureTabs';

const cdp: CdpPort = {
  attach: (root) => chrome.debugger.attach(root, '1.3'),
  detach: (root) => chrome.debugger.detach(root),
  send: (session, method, params) => chrome.debugger.sendCommand(session, method, params),
  targets: () => chrome.debugger.getTargets(),
};

export function startDeepCapture(
  deps: Omit<DeepCaptureDeps, 'cdp' | 'recorder' | 'persist' | 'every' | 'now'>,
): DeepCapture {
  const deep = new DeepCapture({
    ...deps,
    cdp,
    recorder: () => fetch(chrome.runtime.getURL(WORKER_RECORDER_FILE)).then((r) => r.text()),
    persist: (tabIds) => void chrome.storage.session.set({ [TABS_KEY]: tabIds }).catch(() => undefined),
    every: (fn, ms) => {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
    now: () => Date.now(),
  });
  chrome.debugger.onEvent.addListener((source, method, params) => deep.event(source, method, params));
  chrome.debugger.onDetach.addListener((source, reason) => deep.detached(source, reason));
  // Sessions of a service worker that was stopped are not in this one's memory: let them go.
  void chrome.storage.session.get(TABS_KEY).then((stored) => {
    const tabs: unknown = stored[TABS_KEY];
    if (Array.isArray(tabs) && tabs.length > 0)
      void deep.forget(tabs.filter((t): t is number => Number.isInteger(t)));
  });
  return deep;
}
