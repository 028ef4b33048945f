import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { launchFirefoxWithExtension } from '../test/support/firefox';

/**
 * `npm start -- --browser firefox` with a display: the demo in Firefox ESR with the add-on and
 * DevTools open. Firefox gives an add-on no way to select its own DevTools panel, so the terminal
 * and the demo page say where to click.
 */
export async function startInFirefox(server: ScenarioServer, demoUrl: string): Promise<void> {
  const ff = await launchFirefoxWithExtension({ headless: false, args: ['--devtools'] });
  const [first] = await ff.browser.pages();
  const demo = first ?? (await ff.browser.newPage());
  await demo.goto(demoUrl);
  for (const page of await ff.browser.pages()) if (page !== demo) await page.close();
  console.log(`Demo page: ${demoUrl}`);
  console.log(
    'Firefox gives add-ons no way to select their DevTools panel: in the DevTools below the page, click ' +
      'the "WebSockets" tab (after Network, Storage and the others; behind » when DevTools is narrow).',
  );
  console.log('Close the browser or press Ctrl+C to quit.');
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    ff.browser.on('disconnected', () => resolve());
  });
  await ff.close().catch(() => undefined);
  await server.close();
}
