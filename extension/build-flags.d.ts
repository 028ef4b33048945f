/** Set by vite.config.ts: whether this build has deep capture (Chrome's, not Firefox's). */
declare const __DEEP_CAPTURE__: boolean;
