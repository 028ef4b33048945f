import { test as base, expect } from '@playwright/test';
import { launchWithExtension } from '../support/chromium';
import { showPanelInDevTools } from '../support/devtools-frontend';
import { startScenarioServer } from '../fixtures/scenario-server';

/**
 * The panel inside real DevTools: it finds its tab through devtools.inspectedWindow, shows a
 * socket that opened and closed before DevTools showed it, and follows the DevTools theme.
 */
base('the panel in DevTools lists the inspected tab’s earlier sockets and follows the theme', async () => {
  const server = await startScenarioServer();
  const ext = await launchWithExtension({
    args: ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'],
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.http}/early.html`);
    await page.evaluate(() => (window as unknown as { early: Promise<unknown> }).early);
    const { panel, setTheme } = await showPanelInDevTools(ext, page.url());
    await expect
      .poll(() =>
        panel.evaluate<string>(
          `document.querySelector('tr[data-socket-id] [data-col="reason"]')?.textContent ?? ''`,
        ),
      )
      .toBe('early');
    expect(await panel.evaluate<number>(`document.querySelectorAll('tr[data-socket-id]').length`)).toBe(1);
    const theme = () => panel.evaluate<string>('document.documentElement.dataset.theme');
    expect(await theme()).toBe('light');
    await setTheme('dark');
    await expect.poll(theme).toBe('dark');
    await setTheme('default');
    await expect.poll(theme).toBe('light');
    panel.close();
  } finally {
    await ext.close();
    await server.close();
  }
});
