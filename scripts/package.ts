// `npm run package` (after the build and the Firefox lint): store-ready zips in artifacts/, one
// for the Chrome Web Store and one for addons.mozilla.org, plus the source archive AMO asks for
// because the submitted code is bundled.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import webExt from 'web-ext';
import { BROWSER_TARGETS, outDirOf } from '../browser-targets';
import manifest from '../manifest.json' with { type: 'json' };

const artifactsDir = resolve('artifacts');
const stem = `websocket-close-inspector-${manifest.version}`;
await mkdir(artifactsDir, { recursive: true });

// web-ext zips a built extension the way the stores expect (manifest at the root); the Chrome
// build is just another folder to it.
for (const target of BROWSER_TARGETS) {
  const sourceDir = resolve(outDirOf(target));
  await webExt.cmd.build(
    { sourceDir, artifactsDir, filename: `${stem}-${target}.zip`, overwriteDest: true },
    { shouldExitProgram: false },
  );
}

// The sources are the files git tracks, as they are in the work tree (so they match the build
// just made): no node_modules, dist or other ignored output. README.md says how to build them.
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && existsSync(f));
if (tracked.length === 0)
  throw new Error('The source archive is made from the files git tracks: run this in a git clone.');
const sources = Object.fromEntries(
  await Promise.all(tracked.map(async (f) => [f, await readFile(f)] as const)),
);
const sourceZip = join(artifactsDir, `${stem}-source.zip`);
await writeFile(sourceZip, zipSync(sources));
console.log(`Source archive for AMO (${tracked.length} files): ${sourceZip}`);
