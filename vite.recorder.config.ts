import { defineConfig } from 'vite';

/**
 * dist/recorder.js: the recorder alone, one self-contained script for test suites to inject
 * with Playwright's `addInitScript({ path })`, no extension needed. Same entry as the extension's
 * MAIN-world content script, so automation records exactly what the extension does.
 */
export default defineConfig({
  // public/ holds the extension's icons: nothing the recorder needs.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    lib: {
      entry: 'extension/main-world.ts',
      formats: ['iife'],
      name: 'websocketCloseInspectorRecorder',
      fileName: () => 'recorder.js',
    },
  },
});
