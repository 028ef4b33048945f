// The panel page: inside DevTools it follows the inspected tab; standalone (pop-out, tests) it
// reads ?tabId=N and optionally ?theme=light|dark.
import '@preact/signals';
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { nextFrame } from '../src/panel/frame-scheduler';
import { PanelModel } from '../src/panel/model/panel-model';
import { resolvePanelContext } from '../src/panel/panel-context';
import { PanelShell } from '../src/panel/panel-shell';
import { PANEL_PORT } from '../src/protocol/runtime-messages';
import { watchDevtoolsTheme } from './devtools-theme';
import { rootElement } from './root-element';
import '../src/panel/panel.css';

const params = new URLSearchParams(location.search);
const inDevtools = typeof browser.devtools?.inspectedWindow?.tabId === 'number';
const context = resolvePanelContext({
  params,
  devtoolsTabId: inDevtools ? browser.devtools.inspectedWindow.tabId : null,
  devtoolsTheme: inDevtools ? browser.devtools.panels.themeName : null,
  prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
});
const setTheme = (theme: string) =>
  (document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : 'light');
setTheme(context.theme);
if (inDevtools && !params.has('theme')) watchDevtoolsTheme(setTheme);

const tabId = context.tabId;
// Deep capture lives in a Chrome build of its own, which has `debugger` from install
// (browser-targets.ts says why); Firefox has no debugger API for extensions.
const deepCapture = __DEEP_CAPTURE__ === 'none' ? {} : { deepCapture: __DEEP_CAPTURE__ };
const model = new PanelModel({
  storage: localStorage,
  now: () => Date.now(),
  schedule: nextFrame,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  extensionStorage: {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
    onChanged: (listener) =>
      browser.storage.onChanged.addListener((changes, area) => {
        if (area === 'local') listener(Object.keys(changes));
      }),
  },
  ...(tabId === null
    ? {}
    : { live: { tabId, connect: () => browser.runtime.connect({ name: PANEL_PORT }), ...deepCapture } }),
});
render(<PanelShell model={model} />, rootElement());
