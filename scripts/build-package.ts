// `npm run build:package` (after `npm run build`, which makes dist/recorder.js): the npm package
// in dist/npm/, ready for `npm pack`. Its modules are bundled from src/ by esbuild, its types by
// dts-bundle-generator; valibot stays a dependency because the close log's types are valibot's
// inferred types. Playwright and Puppeteer are optional peers: the package never imports
// Puppeteer, and imports @playwright/test only in its ./playwright entry. ws is an optional peer
// too: only ./replay (the stand-in server of generated tests) imports it.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateDtsBundle } from 'dts-bundle-generator';
import { build } from 'esbuild';
import rootPackage from '../package.json' with { type: 'json' };
import { packageJson } from './npm-package/package-json';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/npm');
const source = (file: string) => join(root, 'src/automation', file);
/** The typed entries; the CLI (cli/bin.ts) is bundled beside them. */
const ENTRIES: Record<string, string> = {
  index: 'package/index.ts',
  playwright: 'package/playwright.ts',
  puppeteer: 'package/puppeteer.ts',
  replay: 'package/replay.ts',
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
try {
  await copyFile(join(root, 'dist/recorder.js'), join(out, 'recorder.js'));
} catch {
  throw new Error('dist/recorder.js is missing: run `npm run build` (it builds the recorder, then this).');
}

const external = ['valibot', '@playwright/test', 'puppeteer', 'puppeteer-core', 'ws'];
await build({
  entryPoints: Object.fromEntries(
    Object.entries({ ...ENTRIES, cli: 'cli/bin.ts' }).map(([name, file]) => [name, source(file)]),
  ),
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Shared code lands in chunks beside the entries, so the recorder's path (beside them) holds.
  chunkNames: '[name]-[hash]',
  external,
  logLevel: 'warning',
});

const tsconfig = join(root, 'scripts/npm-package/tsconfig.json');
const declarations = generateDtsBundle(
  Object.values(ENTRIES).map((file) => ({
    filePath: source(file),
    output: { noBanner: true, exportReferencedTypes: false },
    libraries: { importedLibraries: external },
  })),
  { preferredConfigPath: tsconfig },
);
await Promise.all(
  Object.keys(ENTRIES).map((name, i) => writeFile(join(out, `${name}.d.ts`), declarations[i] ?? '')),
);

await writeFile(join(out, 'package.json'), `${JSON.stringify(packageJson(rootPackage), null, 2)}\n`);
await copyFile(join(root, 'scripts/npm-package/README.md'), join(out, 'README.md'));
// The package's license, with the notice of the library bundled into its CLI.
const papaparse = await readFile(join(root, 'node_modules/papaparse/LICENSE'), 'utf8');
await writeFile(
  join(out, 'LICENSE'),
  `${await readFile(join(root, 'scripts/npm-package/LICENSE'), 'utf8')}\n---\n\nThe CLI bundles Papa Parse (https://github.com/mholt/PapaParse):\n\n${papaparse}`,
);
console.log(`Built the npm package in ${out}`);
