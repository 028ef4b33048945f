import { codeLabel as label, type CloseContext } from './close-context';
import type { CloseCodeInfo, CloseFacts } from './types';

type Injected = NonNullable<CloseFacts['injected']>;

/** The context of a close the tester injected from the panel: it says so first, every time. */
export function injectedCloseContext(
  facts: CloseFacts,
  injected: Injected,
  info: CloseCodeInfo,
): CloseContext {
  if (injected.action === 'drop') {
    return {
      headline: 'Injected by the tester: simulated drop',
      context: [
        'Not a real close: the tester chose "Simulate drop" in the panel. The connection was torn ' +
          `down and the page's handlers were shown ${label(info)}, wasClean ${String(facts.wasClean)}, as for a ` +
          "connection lost without a close frame, to exercise the app's reconnect logic.",
        'The server saw an ordinary close from the browser, not a lost connection.',
      ],
    };
  }
  return {
    headline: `Injected by the tester: close(${injected.code ?? ''}) from the panel; the close event reported ${label(info)}`,
    context: [
      `Not a real close: the tester closed the socket from the panel with code ${injected.code ?? 'none'}, as ` +
        'if the page had called close(); the server answered the closing handshake.',
    ],
  };
}
