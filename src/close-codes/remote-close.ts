import { codeRange, isLocalOnly, isWireValid } from './code-ranges';
import { codeLabel, type CloseContext } from './close-context';
import { registeredText } from './registered-codes';
import type { CloseCodeInfo, CloseFacts } from './types';

/** The context of a close the page did not ask for: the server, the browser or the network ended it. */
export function remoteCloseContext(facts: CloseFacts, info: CloseCodeInfo): CloseContext {
  if (codeRange(facts.code) === null) {
    return {
      headline: `Recorded code ${String(facts.code)} is not a close code`,
      context: ['A close event always reports a whole number 0-65535; this value did not come from one.'],
    };
  }
  return facts.wasClean ? cleanContext(facts.code, info) : uncleanContext(facts, info);
}

function uncleanContext(facts: CloseFacts, info: CloseCodeInfo): CloseContext {
  const is1006 = facts.code === 1006;
  if (!facts.opened) {
    return {
      headline: is1006
        ? 'Handshake failed: the connection never opened (refused, HTTP error, TLS or blocked)'
        : `Handshake failed: the connection never opened (${codeLabel(info)})`,
      context: [
        'The socket never reached open. The page cannot see why: the connection may have been ' +
          'refused, the server may have answered the upgrade request with an HTTP error status ' +
          '(401, 403, 404, 500), the TLS handshake or certificate may have failed, or a policy ' +
          'blocked it.',
        // Measured in Chromium 156: a 403 reaches the Network panel with no response at all; the
        // cause is only in the console's "Error during WebSocket handshake" line.
        'The browser writes the cause to the DevTools console, e.g. "Error during WebSocket ' +
          'handshake: Unexpected response code: 403" in Chromium; the page cannot see it.',
      ],
    };
  }
  if (facts.errored) {
    return {
      headline: is1006
        ? 'The browser failed the connection: the server broke the protocol (e.g. invalid UTF-8, bad close frame)'
        : `The browser failed the connection (${codeLabel(info)})`,
      context: [
        'An error event fired after open and no closing handshake completed. Browsers fail a ' +
          'connection like this when the server breaks the protocol: a text message or close ' +
          'reason that is not valid UTF-8, a frame with a reserved opcode, or a malformed close ' +
          'frame. Chromium also does it for a close frame with a 1-byte body or carrying the ' +
          'forbidden codes 1005, 1006 or 1015.',
      ],
    };
  }
  return {
    headline: is1006
      ? 'Connection dropped after opening: no close frame (network, proxy idle timeout, server crash)'
      : `Connection ended after opening without a completed closing handshake (${codeLabel(info)})`,
    context: [
      'The connection ended after open with no close frame and no error event.',
      'If it had been quiet for a while before, a proxy or load balancer idle timeout is the ' +
        'likely cause (nginx 60 s, AWS ELB/ALB 60 s, Heroku 55 s, AWS API Gateway 10 min). If it ' +
        'ended suddenly, suspect a server crash or restart, or a network change (Wi-Fi, VPN, sleep).',
    ],
  };
}

function cleanContext(code: number, info: CloseCodeInfo): CloseContext {
  if (code === 1005) {
    return {
      headline: 'Server closed without a status code (empty close frame, 1005)',
      context: [
        'The server sent a close frame with no body, so there is no code or reason. In Firefox ' +
          'the same result also comes from a malformed close frame (a 1-byte body, or the ' +
          'forbidden code 1005 itself); Chromium reports those as an unclean 1006.',
      ],
    };
  }
  if (isLocalOnly(code)) {
    const notThis =
      code === 1006 ? 'It does not mean the connection dropped.' : 'It does not mean a TLS handshake failed.';
    return {
      headline: `Server sent the reserved code ${code} in a close frame (forbidden); this browser passed it through`,
      context: [
        `${code} is reserved for browsers to report locally and must never appear in a close ` +
          'frame, yet the close was clean: the server sent it in its close frame, which the ' +
          'protocol forbids. This browser passed it through (Firefox does); Chromium would have ' +
          `fired an error event and reported an unclean 1006. ${notThis}`,
        'The server is at fault: it should send 1000, or a 4000-4999 code for its own reasons.',
      ],
    };
  }
  if (!isWireValid(code)) {
    return {
      headline: `Server sent the invalid close code ${code}: a protocol violation; the browser passed it through`,
      context: [
        `A close frame may carry only 1000-1003, 1007-1014 or 3000-4999; ${code} is outside that ` +
          'set, so the server violated the protocol. Chromium and Firefox both pass such codes ' +
          'through as a clean close instead of failing the connection.',
      ],
    };
  }
  return {
    headline: registeredText(code)
      ? `Server closed: ${codeLabel(info)} — ${info.summary}`
      : `Server closed with ${code} — ${info.summary}`,
    context: [`The server closed with a completed closing handshake. ${cleanVerdict(info)}`],
  };
}

function cleanVerdict(info: CloseCodeInfo): string {
  if (info.range === 'registered' || info.range === 'private') {
    return 'The code is app-defined: its meaning depends on the server and the libraries it uses.';
  }
  if (info.severity === 'ok') return 'This is an expected end.';
  if (info.severity === 'warn') return 'The code asks the client to reconnect later.';
  return 'The code still reports a problem, so this close is flagged.';
}
