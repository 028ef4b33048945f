// `npm run screenshots`: the panel on the demo page, each view in both themes, into docs/.
// The README shows some of them; all of them are for looking at what we ship.
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';
import { dockedScreenshots } from './docked-screenshots';
import { interceptScreenshots } from './intercept-screenshots';
import { talkBackScreenshots } from './talkback-screenshots';
import { workersScreenshots } from './workers-screenshots';
import { protocolScreenshots } from './protocol-screenshots';

const server = await startScenarioServer();
const ext = await launchWithExtension();
try {
  const page = await ext.context.newPage();
  await page.goto(`${server.http}/demo.html`);
  await page.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone);
  const tabId = await ext.tabIdOf(page);
  let closeLog: { name: string; text: string } | null = null;
  for (const theme of ['light', 'dark'] as const) {
    // A socket left open, for the fault controls to drop.
    await page.evaluate(
      (u) => new Promise((r) => (new WebSocket(u).onopen = r)),
      `${server.ws}/ws/echo?chat-${theme}`,
    );
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
    await panel.getByRole('radio', { name: 'Sockets' }).click();

    await panel.locator('tr[data-socket-id]', { hasText: `echo?chat-${theme}` }).click();
    await panel.getByRole('tab', { name: 'Close' }).click();
    await shot('fault-controls');
    await panel.getByRole('button', { name: 'Simulate drop' }).click();
    await panel.locator('tr.tone-injected').waitFor();

    await panel.getByRole('button', { name: 'More exports' }).click();
    await shot('exports');
    if (!closeLog) {
      const [download] = await Promise.all([
        panel.waitForEvent('download'),
        panel.getByRole('menuitem', { name: /^JSON close log with message previews/ }).click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      closeLog = { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
    } else await panel.keyboard.press('Escape');

    const file = { name: closeLog.name, mimeType: 'application/json', buffer: Buffer.from(closeLog.text) };
    await panel.getByLabel('Import a close log file').setInputFiles(file);
    await panel.getByTestId('imported-banner').waitFor();
    await panel.locator('tr[data-socket-id]', { hasText: 'terminate' }).click();
    await shot('imported');
    await panel.close();

    const viewer = await ext.context.newPage();
    await viewer.setViewportSize({ width: 1280, height: 760 });
    await viewer.goto(`chrome-extension://${ext.extensionId}/viewer.html?theme=${theme}`);
    await viewer
      .getByLabel('Import a close log file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a log') });
    await viewer.getByRole('alert').waitFor();
    await viewer.screenshot({ path: `docs/viewer-empty-${theme}.png` });
    await viewer.getByLabel('Import a close log file').setInputFiles(file);
    await viewer.locator('tr[data-socket-id]', { hasText: 'echo?chat' }).click();
    await viewer.screenshot({ path: `docs/viewer-${theme}.png` });
    await viewer.close();
  }
} finally {
  await ext.close();
}
try {
  await protocolScreenshots();
  await workersScreenshots(server);
  await dockedScreenshots(server);
  await talkBackScreenshots(server);
  await interceptScreenshots(server);
} finally {
  await server.close();
}
