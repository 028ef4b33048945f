// `npm run screenshots`: the panel on the demo page, each view in both themes, into docs/.
// The README shows some of them; all of them are for looking at what we ship.
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';

const server = await startScenarioServer();
const ext = await launchWithExtension();
try {
  const page = await ext.context.newPage();
  await page.goto(`${server.http}/demo.html`);
  await page.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone);
  const tabId = await ext.tabIdOf(page);
  for (const theme of ['light', 'dark'] as const) {
    const panel = await ext.openPanel(tabId, theme);
    await panel.setViewportSize({ width: 1280, height: 760 });
    const shot = (name: string) => panel.screenshot({ path: `docs/${name}-${theme}.png` });
    await panel.locator('tr[data-socket-id]').first().waitFor();
    await panel.locator('tr[data-socket-id]', { hasText: 'code=403' }).click();
    await shot('panel');
    await panel.locator('tr[data-socket-id]', { hasText: 'feed?n=12' }).click();
    await panel.getByRole('tab', { name: /Messages/ }).click();
    await panel.locator('.message-row').nth(3).click();
    await shot('messages');
    await panel.getByRole('radio', { name: 'Connections' }).click();
    await panel.locator('tr.group', { hasText: 'feed' }).getByRole('button').click();
    await shot('connections');
    await panel.close();
  }
} finally {
  await ext.close();
  await server.close();
}
