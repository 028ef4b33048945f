// `npm start`: the built extension in Chromium on a demo page whose sockets close in every
// common way. With a display, a browser window with DevTools stays open; without one (or with
// --headless), it writes a screenshot of the panel and prints the close log.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';
import type { CloseLog } from '../src/export/close-log';
import { printCloseLog } from './print-close-log';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const screenshot = resolve('artifacts/panel.png');

const server = await startScenarioServer();
const demoUrl = `${server.http}/demo.html`;
const ext = await launchWithExtension({ headless, args: headless ? [] : ['--auto-open-devtools-for-tabs'] });
const demo = await ext.context.newPage();
await demo.goto(demoUrl);
await demo.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone);
const tabId = await ext.tabIdOf(demo);
const panel = await ext.openPanel(tabId);
await panel.locator('tr[data-socket-id]').nth(8).waitFor();

if (headless) {
  // Show the explanation of the most telling close: the connection that dropped.
  await panel.locator('tr[data-socket-id]', { hasText: 'terminate' }).click();
  await mkdir('artifacts', { recursive: true });
  await panel.screenshot({ path: screenshot });
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  printCloseLog(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CloseLog);
  console.log(`\nScreenshot of the panel: ${screenshot}`);
  await ext.close();
  await server.close();
} else {
  await demo.bringToFront();
  console.log(`Demo page: ${demoUrl}`);
  console.log('In its DevTools window, open the "WebSockets" panel; a pop-out panel is open in another tab.');
  console.log('Press Ctrl+C to quit.');
  const quit = async () => {
    await ext.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  ext.context.on('close', () => void quit());
}
