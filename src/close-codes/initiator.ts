import type { CloseFacts, Initiator } from './types';

/**
 * Who ended the connection, judged from the page's own events in order of certainty: a tester's
 * fault control and the page's close() call are known for sure; an error event means the browser failed the connection; a clean
 * close means a close frame arrived; otherwise the connection just vanished.
 */
export function initiatorOf(facts: CloseFacts): Initiator {
  if (facts.injected) return 'tester';
  if (facts.closeCall) return 'page';
  if (facts.errored) return 'browser';
  if (facts.wasClean) return 'server';
  return 'network';
}
