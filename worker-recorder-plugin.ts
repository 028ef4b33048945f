import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Where the Chrome build keeps the recorder that deep capture evaluates in workers. */
export const WORKER_RECORDER_FILE = 'worker-recorder.js';

/**
 * Emits extension/worker-world.ts as one self-contained script: the service worker fetches it
 * and evaluates it in each worker through a debugger session (`Runtime.evaluate`), so it must be
 * an expression-safe IIFE with no imports and no global name of its own.
 */
export function workerRecorder(): Plugin {
  return {
    name: 'wsci-worker-recorder',
    async generateBundle() {
      const result = await build({
        entryPoints: ['extension/worker-world.ts'],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
      });
      const [out] = result.outputFiles;
      if (!out) throw new Error('the worker recorder did not build');
      this.emitFile({ type: 'asset', fileName: WORKER_RECORDER_FILE, source: out.text });
    },
  };
}
