import type { ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

/**
 * Every difference between the Chrome and the Firefox build lives here: manifest.json is written
 * for Chrome, and the Firefox manifest is derived from it, so the two cannot drift apart.
 */
export type BrowserTarget = 'chrome' | 'firefox';

export const BROWSER_TARGETS: readonly BrowserTarget[] = ['chrome', 'firefox'];

/**
 * The Chrome build with deep capture (docs/workers-and-deep-capture.md), loaded unpacked by those
 * who want it and never packaged for a store: `debugger` is in its permissions, so Chrome asks
 * for it at install. Chrome lets no extension ask for `debugger` later: it is not allowed as an
 * optional permission, and measured in Chromium 156, `permissions.request` for it answers "Only
 * permissions specified in the manifest may be requested." even with it under
 * `optional_permissions`. So the build that ships has no deep capture and no `debugger`.
 */
export const DEEP_CAPTURE_MODE = 'chrome-deep-capture';

/** Where `npm run build` writes each browser's extension (and the test-only variant). */
export function outDirOf(target: BrowserTarget | typeof DEEP_CAPTURE_MODE): string {
  return `dist/${target}`;
}

/** `vite build --mode firefox` builds for Firefox; any other mode (default: production) for Chrome. */
export function targetOfMode(mode: string): BrowserTarget {
  return mode === 'firefox' ? 'firefox' : 'chrome';
}

/** The manifest of a build mode: the browser's, with `debugger` in the deep capture build. */
export function manifestOfMode(mode: string): ManifestV3Export {
  if (mode !== DEEP_CAPTURE_MODE) return manifestFor(targetOfMode(mode));
  return { ...manifest, permissions: [...manifest.permissions, 'debugger'] };
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
  const { minimum_chrome_version: _chromeOnly, background, ...common } = manifest;
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
