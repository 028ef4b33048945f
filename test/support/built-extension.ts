import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outDirOf } from '../../browser-targets';
import type { BrowserTarget, DEEP_CAPTURE_MODE } from '../../browser-targets';

/** The built extension for a browser (an absolute path), or a clear error when it is not built yet. */
export function builtExtensionDir(target: BrowserTarget | typeof DEEP_CAPTURE_MODE): string {
  const dir = resolve(import.meta.dirname, '../..', outDirOf(target));
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  return dir;
}
