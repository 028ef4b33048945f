import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';

/**
 * Deep capture on (Chromium's test build, `debugger` granted): a dedicated, a shared and a
 * service worker's sockets beside the page's, the dedicated worker's 4001 selected:
 * docs/workers-<theme>.png.
 */
export async function workersScreenshots(server: ScenarioServer): Promise<void> {
  const ext = await launchWithExtension({ deepCapture: true });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.http}/deep-capture.html`);
    const tabId = await ext.tabIdOf(page);
    for (const theme of ['light', 'dark'] as const) {
      const panel = await ext.openPanel(tabId, theme);
      await panel.setViewportSize({ width: 1280, height: 760 });
      if (theme === 'light') {
        await panel.getByTestId('deep-capture').check();
        await panel.getByTestId('deep-capture-on').waitFor();
        await page.evaluate(() => {
          window.startDedicated('start');
          window.startShared('go');
        });
        // A shared worker is found by a scan, once a second: its sockets after that are recorded.
        await panel
          .getByTestId('deep-capture-on')
          .getByText(/1 shared/)
          .waitFor();
        await page.evaluate(() => window.go('shared'));
        await page.evaluate(() => window.startService());
        await panel
          .getByTestId('deep-capture-on')
          .getByText(/1 service/)
          .waitFor();
        await page.evaluate(() => window.go('service'));
        await page.evaluate(() => window.pageSockets());
        await page.waitForFunction(() => window.workerCloses.length === 9);
      } else {
        await panel.getByTestId('deep-capture').check();
      }
      const row = panel.locator('tr[data-socket-id]', {
        hasText: 'code=4001&reason=session%20expired&from=dedicated',
      });
      await row.click();
      await panel.getByTestId('worker').waitFor();
      await panel.screenshot({ path: `docs/workers-${theme}.png` });
      await panel.close();
    }
  } finally {
    await ext.close();
  }
}
