import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { DEEP_CAPTURE_TEST_MODE, manifestOfMode, outDirOf, targetOfMode } from './browser-targets.ts';
import { workerRecorder } from './worker-recorder-plugin.ts';

/**
 * Pages opened by URL, not from the manifest: built as extra inputs. `panel.html?tabId=N`, and
 * `viewer.html`, which opens exported close logs with no tab at all.
 */
const PAGES = { panel: 'extension/panel.html', viewer: 'extension/viewer.html' };

/** Serves extension/<page>.html at the extension's root, where users and tests open it. */
function pagesAtRoot(): Plugin {
  return {
    name: 'wsci-pages-at-root',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(PAGES)) {
        const asset = bundle[page];
        if (asset) asset.fileName = page.replace(/^extension\//, '');
      }
    },
  };
}

// One config, one build per browser: `vite build --mode firefox` (see browser-targets.ts).
export default defineConfig(({ mode }) => {
  const target = targetOfMode(mode);
  return {
    // Deep capture needs chrome.debugger, which Firefox lacks: its build leaves the code out
    // (extension/build-flags.d.ts), and web-ext lint has no unsupported API to flag.
    define: { __DEEP_CAPTURE__: JSON.stringify(target === 'chrome') },
    build: {
      outDir: outDirOf(mode === DEEP_CAPTURE_TEST_MODE ? mode : target),
      emptyOutDir: true,
      rollupOptions: { input: PAGES },
    },
    plugins: [
      crx({
        manifest: manifestOfMode(mode),
        browser: target,
        contentScripts: { standaloneFiles: ['extension/main-world.ts', 'extension/relay.ts'] },
      }),
      pagesAtRoot(),
      // Deep capture (workers) exists in Chrome only: chrome.debugger.
      ...(target === 'chrome' ? [workerRecorder()] : []),
    ],
  };
});
