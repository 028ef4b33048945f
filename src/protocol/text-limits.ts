/**
 * The longest strings (in UTF-16 units) the page channel carries for a socket. The schemas refuse
 * longer ones, and a refused batch loses every event in it, so the recorder cuts what it reads
 * from the page to these first: a page may open a socket with a URL or a subprotocol of any length.
 */
export const MAX_URL_CHARS = 8192;
export const MAX_PROTOCOL_CHARS = 1024;
export const MAX_EXTENSIONS_CHARS = 4096;
export const MAX_PROTOCOLS = 64;
