// `npx tsx scripts/devtools-hars.ts`: writes docs/samples/chromium-devtools.har and
// firefox-devtools.har, each exported by that browser's own DevTools after the same session
// (scripts/devtools-har/session.ts) against the local scenario server, and prints what each
// page's close events said, for docs/samples/README.md.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { chromiumDevtoolsHar } from './devtools-har/chromium-har';
import { firefoxDevtoolsHar } from './devtools-har/firefox-har';

const server = await startScenarioServer();
try {
  for (const [name, make] of [
    ['chromium-devtools.har', chromiumDevtoolsHar],
    ['firefox-devtools.har', firefoxDevtoolsHar],
  ] as const) {
    const { har, closes } = await make(server);
    const path = resolve(import.meta.dirname, '../docs/samples', name);
    await writeFile(path, `${har}\n`);
    console.log(`Wrote ${path}; the page's close events said:\n${closes}\n`);
  }
} finally {
  await server.close();
}
