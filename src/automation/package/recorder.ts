import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The recorder: the extension's own MAIN-world script, one self-contained file. The package
 * ships it beside its modules (scripts/build-package.ts copies dist/recorder.js there), so this
 * holds in the package, not in the repository's sources.
 */
export const RECORDER_PATH = fileURLToPath(new URL('./recorder.js', import.meta.url));

/** The recorder's source, for APIs that take a script as text (Puppeteer, WebDriver BiDi preload scripts). */
export const RECORDER_SOURCE = readFileSync(RECORDER_PATH, 'utf8');
