// The panel page: inside DevTools it follows the inspected tab; standalone (pop-out, tests) it
// reads ?tabId=N and optionally ?theme=light|dark.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { LogStore } from '../src/log/log-store';
import { linkPanel } from '../src/panel/panel-link';
import { PanelShell } from '../src/panel/panel-shell';
import { PANEL_PORT } from '../src/protocol/runtime-messages';
import { resolvePanelContext } from '../src/panel/panel-context';
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

const store = new LogStore();
const link =
  context.tabId === null
    ? null
    : linkPanel({
        tabId: context.tabId,
        connect: () => browser.runtime.connect({ name: PANEL_PORT }),
        onMessage: (m) => store.apply(m),
        setTimeout: (fn, ms) => setTimeout(fn, ms),
      });
render(
  <PanelShell live={{ store, link, source: context.tabId === null ? null : `tab ${context.tabId}` }} />,
  rootElement(),
);
