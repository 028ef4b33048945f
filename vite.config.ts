import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { DEEP_CAPTURE_MODE, manifestOfMode, outDirOf, targetOfMode } from './browser-targets.ts';
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
    // Deep capture needs `debugger` from install: only its own build has the code
    // (extension/build-flags.d.ts), and web-ext lint has no unsupported API to flag in Firefox's.
    define: {
      __DEEP_CAPTURE__: JSON.stringify(
        mode === DEEP_CAPTURE_MODE ? 'switch' : target === 'chrome' ? 'other-build' : 'none',
      ),
    },
    build: {
      outDir: outDirOf(mode === DEEP_CAPTURE_MODE ? mode : target),
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
      // The recorder that deep capture installs in workers.
      ...(mode === DEEP_CAPTURE_MODE ? [workerRecorder()] : []),
    ],
  };
});
