// The standalone viewer: opens exported close logs (JSON or HAR) with no tab to inspect.
// chrome-extension://<id>/viewer.html, optionally ?theme=light|dark.
import '@preact/signals';
import { render } from 'preact';
import { nextFrame } from '../src/panel/frame-scheduler';
import { PanelModel } from '../src/panel/model/panel-model';
import { resolvePanelContext } from '../src/panel/panel-context';
import { PanelShell } from '../src/panel/panel-shell';
import '../src/panel/panel.css';
import { rootElement } from './root-element';

const { theme } = resolvePanelContext({
  params: new URLSearchParams(location.search),
  devtoolsTabId: null,
  devtoolsTheme: null,
  prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
});
document.documentElement.dataset.theme = theme;
const model = new PanelModel({
  storage: localStorage,
  now: () => Date.now(),
  schedule: nextFrame,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
});
render(<PanelShell model={model} />, rootElement());
