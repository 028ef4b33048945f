import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';
import { showPanelInDevTools } from '../test/support/devtools-frontend';

/**
 * `npm start` with a display: one window, the demo tab in front, its DevTools open on the
 * WebSockets panel (DevTools shows a selected panel in its tab strip even where others overflow
 * behind »). Returns when the browser is closed.
 */
export async function startInDevTools(server: ScenarioServer, demoUrl: string): Promise<void> {
  const ext = await launchWithExtension({
    headless: false,
    args: ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'],
  });
  // The launcher keeps an extension page open for the tests' API calls: nothing here needs it.
  await ext.extensionPage.close();
  const demo = ext.context.pages()[0] ?? (await ext.context.newPage());
  for (const stray of ext.context.pages()) if (stray !== demo) await stray.close();
  await demo.goto(demoUrl);
  await demo.bringToFront();
  const { panel } = await showPanelInDevTools(ext, demoUrl);
  panel.close();
  console.log(`Demo page: ${demoUrl}`);
  console.log('Its DevTools window shows the WebSockets panel: every socket of the demo and how it closed.');
  console.log('Close the browser or press Ctrl+C to quit.');
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    ext.context.on('close', () => resolve());
  });
  await ext.close().catch(() => undefined);
  await server.close();
}
