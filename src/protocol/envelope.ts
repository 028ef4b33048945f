/** Brand on every message we put on a channel the page can also write to. */
export const BRAND = 'websocket-close-inspector';
/**
 * The page channel's protocol. A recorder of another version (an older dist/recorder.js that a
 * test suite injects beside a newer extension) is named as such, not taken for a forger: every
 * page message starts with a header that says its version (2 on), and version 1 messages began
 * with `{"source":"<BRAND>","v":1`. Version 3: summaries count the tester's messages apart, and
 * messages carry a tester flag; a version 2 recorder's summaries would fail the schemas. Version
 * 4: interception (#13), messages marked with what a rule did, held and released events, and the
 * commands that carry rules and decisions to the recorder.
 */
export const PROTOCOL_VERSION = 4;

/** `<BRAND>/<version>;`: the start of every page-channel string, before its JSON. */
export function pageHeader(version: number): string {
  return `${BRAND}/${version};`;
}

/**
 * DOM event types for the page <-> relay channel. A CustomEvent on `document` rather than
 * `window.postMessage`, because the page's own `message` listeners would see postMessage traffic.
 */
export const PAGE_TO_RELAY = '__wsci:page';
export const RELAY_TO_PAGE = '__wsci:relay';

/** Largest page batch the relay forwards; a larger one is dropped as malformed. */
export const MAX_PAGE_MESSAGE_CHARS = 8 * 1024 * 1024;

/** Preview caps: counts and byte sizes stay exact, only the stored sample is capped. */
export const TEXT_PREVIEW_CHARS = 1024;
export const BINARY_PREVIEW_BYTES = 256;

/**
 * Deep capture (Chromium): the `Runtime.addBinding` name a worker's recorder takes its way out
 * from (and deletes before the worker's own script runs), and the `Symbol.for` key under which it
 * leaves the function that debugger sessions call with requests.
 */
export const WORKER_BINDING = '__wsciDeepCapture';
export const WORKER_RECEIVER = 'websocket-close-inspector.worker-receiver';
