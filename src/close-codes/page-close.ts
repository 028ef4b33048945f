import { codeLabel as label, type CloseContext } from './close-context';
import type { CloseCodeInfo, CloseFacts } from './types';

type CloseCall = NonNullable<CloseFacts['closeCall']>;

/** The context of a close that followed the page's own close() call. */
export function pageCloseContext(facts: CloseFacts, call: CloseCall, info: CloseCodeInfo): CloseContext {
  const called = `Page called ${callText(call)}`;

  if (!facts.opened) {
    return {
      headline: 'The page closed the connection before it opened (close() during the handshake)',
      context: [
        `The page called close() before the open event, so the connection never opened; the ` +
          `close event reported ${label(info)}.`,
        "This was the page's own decision: look at the page code that called close() so early.",
      ],
    };
  }

  if (facts.code === 1006 && !facts.wasClean) {
    return facts.errored
      ? {
          headline: `${called}; the browser failed the connection before the closing handshake completed`,
          context: [
            'An error event fired after open: the browser failed the connection, which happens when ' +
              'the server breaks the protocol (e.g. invalid UTF-8, a bad close frame). No close ' +
              'frame was received, so the closing handshake never completed.',
          ],
        }
      : {
          headline: `${called}, but the server never answered the closing handshake (1006)`,
          context: [
            "After close(), the browser waits for the server's close frame. None arrived (or the " +
              'connection was lost first), so the browser gave up and reported 1006: after about ' +
              '60 s in Chromium, 20 s in Firefox (network.websocket.timeout.close).',
            'Check that the server answers a close frame with its own close frame.',
          ],
        };
  }

  if (!facts.wasClean) {
    return {
      headline: `${called}; the connection then ended without a completed closing handshake (${label(info)})`,
      context: ['The page asked to close, but the closing handshake did not complete.'],
    };
  }

  if (call.code === null) {
    return facts.code === 1005
      ? {
          headline: 'Page called close() with no code; the server echoed an empty close frame (1005)',
          context: [
            'close() with no code sends a close frame with no body. The server echoed an empty one, ' +
              'so the close event reports 1005 (No Status Rcvd). This is the usual, expected result.',
          ],
        }
      : {
          headline: `Page called close() with no code; the server answered with ${label(info)}`,
          context: [
            'close() with no code sends a close frame with no body; the close event reports the ' +
              'code of the close frame the server sent back.',
          ],
        };
  }

  return call.code === facts.code
    ? {
        headline: `${called}; the server echoed the code`,
        context: ['The page closed the connection itself and the server completed the closing handshake.'],
      }
    : {
        headline: `${called}; the server answered with ${label(info)}`,
        context: [
          `The page closed with ${call.code}, but the server's close frame carried ${label(info)}; ` +
            'the close event reports the code the server sent back.',
        ],
      };
}

/** The call as written, without the reason text: that is untrusted and has its own column. */
function callText(call: CloseCall): string {
  if (call.code === null) return 'close()';
  return call.reason ? `close(${call.code}, reason)` : `close(${call.code})`;
}
