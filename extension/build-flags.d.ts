/**
 * Set by vite.config.ts: `switch` in the Chrome build with deep capture, `other-build` in the
 * Chrome build without it, `none` in Firefox's, which has no debugger API for extensions.
 */
declare const __DEEP_CAPTURE__: 'switch' | 'other-build' | 'none';
