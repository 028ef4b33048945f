/** Brand on every message we put on a channel the page can also write to. */
export const BRAND = 'websocket-close-inspector';
export const PROTOCOL_VERSION = 1;

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
