import { resolve } from 'node:path';

/**
 * The close log in this repository's own Playwright tests, without the extension:
 *
 *   await context.addInitScript({ path: RECORDER_SCRIPT });   // before the page loads
 *   ...run the flow...
 *   const log = await readCloseLog(page);
 *   expect(abnormalCloses(log)).toEqual([]);
 *
 * The recorder bundle (dist/recorder.js, built by `npm run build`) is the extension's own
 * MAIN-world script, so the log is the one the panel would export. Suites elsewhere install the
 * npm package (`npm run build:package`), which has the same functions and a Playwright fixture.
 */
export const RECORDER_SCRIPT = resolve(import.meta.dirname, '../../dist/recorder.js');

export { abnormalCloses, readCloseLog } from './read-close-log';
