// `npm start`: the built extension in Chromium on a demo page whose sockets close in every
// common way. With a display, the demo tab opens with DevTools on the WebSockets panel; without
// one (or with --headless), it writes a screenshot of the panel and prints the close log.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/support/chromium';
import { reportOf } from '../src/automation/cli/read-report';
import { renderTable } from '../src/automation/cli/render-table';
import { startInDevTools } from './start-in-devtools';
import { startInFirefox } from './start-in-firefox';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    browser: { type: 'string', default: 'chromium' },
  },
});
const headless = values.headless || !process.env.DISPLAY;
if (values.browser !== 'chromium' && values.browser !== 'firefox') {
  throw new Error(`--browser is chromium or firefox, not ${values.browser}`);
}
const screenshot = resolve('artifacts/panel.png');

const server = await startScenarioServer();
const demoUrl = `${server.http}/demo.html`;
if (!headless) {
  await (values.browser === 'firefox' ? startInFirefox : startInDevTools)(server, demoUrl);
  process.exit(0);
}
const ext = await launchWithExtension({ headless });
const demo = await ext.context.newPage();
await demo.goto(demoUrl);
await demo.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone);
const tabId = await ext.tabIdOf(demo);
const panel = await ext.openPanel(tabId);
await panel.locator('tr[data-socket-id]').nth(8).waitFor();

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
// The same table the CLI prints for the file.
const read = reportOf(download.suggestedFilename(), Buffer.concat(chunks).toString('utf8'));
if (!read.ok) throw new Error(read.error);
process.stdout.write(renderTable(download.suggestedFilename(), read.report, true));
console.log(`\nScreenshot of the panel: ${screenshot}`);
await ext.close();
await server.close();
