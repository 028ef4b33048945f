// The standalone viewer: opens exported close logs (JSON or HAR) with no tab to inspect.
// chrome-extension://<id>/viewer.html, optionally ?theme=light|dark.
import { render } from 'preact';
import { PanelShell } from '../src/panel/panel-shell';
import { resolvePanelContext } from '../src/panel/panel-context';
import '../src/panel/panel.css';
import { rootElement } from './root-element';

const { theme } = resolvePanelContext({
  params: new URLSearchParams(location.search),
  devtoolsTabId: null,
  devtoolsTheme: null,
  prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
});
document.documentElement.dataset.theme = theme;
render(<PanelShell live={null} />, rootElement());
