import { resolve } from 'node:path';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('the page-world lint rule', () => {
  it('checks every file the MAIN-world bundle pulls in', async () => {
    const { metafile } = await build({
      entryPoints: [resolve(root, 'extension/main-world.ts')],
      bundle: true,
      write: false,
      metafile: true,
      absWorkingDir: root,
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('src/page/recorder.ts');
    const eslint = new ESLint({ cwd: root });
    const unchecked: string[] = [];
    for (const input of inputs) {
      const config = (await eslint.calculateConfigForFile(resolve(root, input))) as {
        rules?: Record<string, unknown>;
      };
      const setting = config.rules?.['page-world/no-unsafe-builtins'];
      if (!Array.isArray(setting) || setting[0] !== 2) unchecked.push(input);
    }
    expect(unchecked).toEqual([]);
  });
});
