// Records the application-protocol sessions of test/fixtures/libraries/app-protocol-sessions.ts
// in Chromium with the recorder and writes each as test/fixtures/captures/<name>.json, the
// frames the protocol decoders' unit tests replay. Run after `npm run build`:
//   npx tsx scripts/capture-app-protocols.ts [name...]
import { writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { APP_PROTOCOL_SESSIONS } from '../test/fixtures/libraries/app-protocol-sessions';
import { socketInputs } from '../test/fixtures/libraries/close-log-socket';
import { recordSession } from '../test/fixtures/libraries/record-session';
import { BASE_FLAGS, findChromium } from '../test/support/chromium';

const only = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findChromium(), args: BASE_FLAGS });
try {
  for (const session of APP_PROTOCOL_SESSIONS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const server = await session.start();
    try {
      const { transcript, log } = await recordSession(browser, server, 'capture');
      const capture = {
        source: session.source,
        recordedWith: `Chromium ${browser.version()} and dist/recorder.js, ${new Date().toISOString().slice(0, 10)}`,
        transcript,
        sockets: log.sockets.map((s) => socketInputs(s)),
      };
      const file = new URL(`../test/fixtures/captures/${session.name}.json`, import.meta.url);
      // Written as the repository's Prettier would format it, so a new capture diffs cleanly.
      const options = { ...(await resolveConfig(file)), parser: 'json' };
      await writeFile(file, await format(JSON.stringify(capture), options));
      console.log(`${session.name}: ${capture.sockets.length} sockets`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
