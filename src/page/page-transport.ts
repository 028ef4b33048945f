import { PAGE_TO_RELAY, RELAY_TO_PAGE } from '../protocol/envelope';
import type { Natives } from './natives';

/**
 * How the page channel's strings leave the recorder and requests reach it. A document speaks to
 * its relay content script; a worker, which has no document and no content script, speaks to the
 * service worker's debugger session (deep capture, Chromium only).
 */
export interface PageTransport {
  send(data: string): void;
  listen(fn: (data: unknown) => void): void;
}

/** CustomEvents on the document, which the relay content script listens to. */
export function documentTransport(natives: Natives): PageTransport {
  return {
    send: (data) => natives.dispatch(PAGE_TO_RELAY, data),
    listen: (fn) => natives.listen(RELAY_TO_PAGE, fn),
  };
}

/**
 * A `Runtime.addBinding` function (each call is a `Runtime.bindingCalled` event in the debugger
 * session) out, and a function the session calls (`Runtime.callFunctionOn`) in.
 */
export function bindingTransport(binding: (data: string) => void): PageTransport & {
  receive(data: string): void;
} {
  let listener: ((data: unknown) => void) | null = null;
  return {
    send: (data) => binding(data),
    listen: (fn) => {
      listener = fn;
    },
    receive: (data) => listener?.(data),
  };
}
