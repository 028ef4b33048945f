import type { ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

/**
 * Every difference between the Chrome and the Firefox build lives here: manifest.json is written
 * for Chrome, and the Firefox manifest is derived from it, so the two cannot drift apart.
 */
export type BrowserTarget = 'chrome' | 'firefox';

export const BROWSER_TARGETS: readonly BrowserTarget[] = ['chrome', 'firefox'];

/**
 * A Chrome build for end-to-end tests only, never packaged: `debugger` is granted at install, as
 * a headless browser cannot click the permission prompt that the shipped build shows when the
 * user turns deep capture on.
 */
export const DEEP_CAPTURE_TEST_MODE = 'chrome-deep-capture-test';

/** Where `npm run build` writes each browser's extension (and the test-only variant). */
export function outDirOf(target: BrowserTarget | typeof DEEP_CAPTURE_TEST_MODE): string {
  return `dist/${target}`;
}

/** `vite build --mode firefox` builds for Firefox; any other mode (default: production) for Chrome. */
export function targetOfMode(mode: string): BrowserTarget {
  return mode === 'firefox' ? 'firefox' : 'chrome';
}

/** The manifest of a build mode: the browser's, with `debugger` granted in the test variant. */
export function manifestOfMode(mode: string): ManifestV3Export {
  const target = targetOfMode(mode);
  if (mode !== DEEP_CAPTURE_TEST_MODE) return manifestFor(target);
  const { optional_permissions: _asked, permissions = [], ...rest } = manifest;
  return { ...rest, permissions: [...permissions, 'debugger'] };
}

export const FIREFOX_ADDON_ID = 'websocket-close-inspector@wsci';

/**
 * The oldest Firefox with everything the manifest uses: MAIN-world content scripts and
 * match_origin_as_fallback (128), storage.session (115), module background scripts (112), and
 * data_collection_permissions, which AMO requires of new add-ons (desktop 140, Android 142;
 * strict_min_version covers both, and web-ext lint flags anything lower).
 */
export const FIREFOX_MIN_VERSION = '142.0';

export function manifestFor(target: BrowserTarget): ManifestV3Export {
  if (target === 'chrome') return manifest;
  // Deep capture needs chrome.debugger, which Firefox does not have.
  const {
    minimum_chrome_version: _chromeOnly,
    optional_permissions: _debugger,
    background,
    ...common
  } = manifest;
  return {
    ...common,
    // Firefox runs MV3 background code as an event page, not a service worker; crxjs turns
    // this entry into a module background script.
    background: { scripts: [background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // The extension sends nothing anywhere: recorded sockets stay in the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
