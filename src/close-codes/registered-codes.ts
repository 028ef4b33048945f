import type { CodeText } from './types';

const LOCAL = 'Reported locally by the browser only; never sent in a close frame.';

/**
 * Every IANA-registered code: 1000-1015 and the three 3000-range registrations. Names are the
 * registry's exact spellings. Library uses are kept apart (library-codes.ts) and added on top.
 */
const REGISTERED: ReadonlyMap<number, CodeText> = new Map<number, CodeText>([
  [
    1000,
    {
      name: 'Normal Closure',
      severity: 'ok',
      summary: 'Normal closure: the connection did what it was for',
      meaning: 'The purpose of the connection was fulfilled; the side that closed meant to.',
      sentBy: 'Either side.',
      causes: ['The page or the server finished its work and closed on purpose.'],
      checks: [
        'Nothing to fix if a close was expected here.',
        'If it was not expected, find the close call: in the page (close()) or in the server code.',
      ],
    },
  ],
  [
    1001,
    {
      name: 'Going Away',
      severity: 'ok',
      summary: 'Going away: the server is shutting down, or the browser is leaving the page',
      meaning:
        'The endpoint is leaving: a server shutting down, or a browser navigating away or ' +
        'closing the tab.',
      sentBy: 'Either side; browsers send it when the user navigates away or closes the tab.',
      causes: [
        'The server is shutting down.',
        'The user navigated away or closed the tab (the page rarely sees this event itself).',
      ],
      checks: ['If the server sent it, check whether it was shut down or restarted at that time.'],
    },
  ],
  [
    1002,
    {
      name: 'Protocol Error',
      severity: 'error',
      summary: 'Protocol error: an endpoint saw a violation of the WebSocket protocol',
      meaning: 'The endpoint terminates the connection because of a protocol error.',
      sentBy: 'Either side.',
      causes: ['The server considers something it received a violation of the WebSocket protocol.'],
      checks: [
        'Read the close reason: it may name the violation.',
        'Check the server logs for the protocol error it reported.',
      ],
    },
  ],
  [
    1003,
    {
      name: 'Unsupported Data',
      severity: 'error',
      summary: 'Unsupported data: a type of message the endpoint cannot accept',
      meaning:
        'The endpoint received a type of data it cannot accept, e.g. binary messages on a ' +
        'text-only endpoint.',
      sentBy: 'Either side.',
      causes: ['The page sent binary messages to an endpoint that accepts only text, or the reverse.'],
      checks: ['Compare the message types the page sends (text or binary) with what the server accepts.'],
    },
  ],
  [
    1004,
    {
      name: 'Reserved',
      severity: 'error',
      summary: 'Reserved: must not be sent, so it is invalid in a close frame',
      meaning:
        'Reserved; a meaning may be defined in future. It must not be sent, so a close frame ' +
        'carrying it is a protocol violation.',
      sentBy: 'Nobody legitimately.',
      causes: ['A server bug: it sent the reserved code 1004 in its close frame.'],
      checks: [
        'Fix the server to send a valid code: 1000 for a normal close, or 4000-4999 for its own reasons.',
      ],
    },
  ],
  [
    1005,
    {
      name: 'No Status Rcvd',
      severity: 'ok',
      summary: 'No status: the close frame carried no code',
      meaning: 'Reserved: reported when the close frame had no status code. It is never sent in a frame.',
      sentBy: LOCAL,
      causes: [
        'The page called close() with no code and the server echoed an empty close frame (the usual case).',
        'The server closed with an empty close frame.',
        'Firefox only: the server sent a malformed close frame (a 1-byte body, or the forbidden code ' +
          '1005 itself); Chromium reports those as an unclean 1006.',
      ],
      checks: [
        "Nothing to fix after the page's own close().",
        'If the server closed and you need to know why, have it send a code and a reason.',
      ],
    },
  ],
  [
    1006,
    {
      name: 'Abnormal Closure',
      severity: 'error',
      summary:
        'Abnormal closure: no close frame (dropped, refused, handshake failed, or failed by the browser)',
      meaning:
        'Reserved: the connection closed without a close frame. It dropped, was refused, the ' +
        'handshake failed, or the browser failed it. It is never sent in a frame.',
      sentBy: LOCAL,
      causes: [
        'Before open: wrong URL or port, server down, a TLS certificate problem, HTTP 401/403 from ' +
          'auth middleware, 404 on a wrong path, or a reverse proxy not forwarding Upgrade.',
        'After open, following a quiet period: a proxy or load balancer idle timeout (nginx ' +
          'proxy_read_timeout 60 s, AWS ELB/ALB 60 s, Heroku 55 s, AWS API Gateway 10 min).',
        'After open, suddenly: the server crashed or restarted, the network changed (Wi-Fi, VPN, ' +
          'sleep), or the server closed the TCP socket without a close frame.',
        'After open with an error event: the browser failed the connection because the server broke ' +
          'the protocol (invalid UTF-8, a reserved opcode, a bad close frame).',
        'After the page called close(): the server never answered the closing handshake and the ' +
          'browser gave up (after about 60 s in Chromium, 20 s in Firefox).',
      ],
      checks: [
        'If it never opened: check the URL and port, the cause the browser wrote to the DevTools ' +
          'console (Chromium names the HTTP status there; the page cannot see it), the TLS ' +
          'certificate, and that any reverse proxy forwards the Upgrade header.',
        'If it dropped after a quiet period: send pings or application heartbeats more often than ' +
          'the shortest idle timeout on the path (TCP keep-alive does not count on AWS load balancers).',
        'If it dropped suddenly: check the server logs for a crash or restart, and the client for a ' +
          'network change.',
        'If an error event fired after open: check what the server sent; text messages and close ' +
          'reasons must be valid UTF-8, and close frames must carry a valid code or no body.',
      ],
    },
  ],
  [
    1007,
    {
      name: 'Invalid frame payload data',
      severity: 'error',
      summary: 'Invalid payload data: e.g. non-UTF-8 bytes in a text message (not 1003)',
      meaning:
        'The endpoint received data inconsistent with the message type, e.g. non-UTF-8 bytes ' +
        'in a text message. (Unsupported data types are 1003.)',
      sentBy: 'Either side.',
      causes: [
        'The server received a message whose content does not match its type, e.g. a text ' +
          'message that is not valid UTF-8.',
      ],
      checks: ['Check how the page builds its text messages; send raw bytes as binary messages.'],
    },
  ],
  [
    1008,
    {
      name: 'Policy Violation',
      severity: 'error',
      summary: 'Policy violation: often an authentication, origin or rate-limit check',
      meaning:
        "A message violated the endpoint's policy. It is the generic code when no better one " +
        'fits, often used for authentication or origin checks.',
      sentBy: 'Either side.',
      causes: ['Authentication, origin or rate-limit policy refused the client.'],
      checks: [
        'Check the credentials the page sends (token, cookie).',
        "Check the server's allowed origins against the page's origin.",
        "Check the server's rate limits.",
        'Read the close reason: it often names the policy.',
      ],
    },
  ],
  [
    1009,
    {
      name: 'Message Too Big',
      severity: 'error',
      summary: "Message too big: over the endpoint's size limit",
      meaning: "A message was too big to process, e.g. over a server's maximum payload limit.",
      sentBy: 'Either side.',
      causes: [
        "A message exceeded the server's maximum message size. Defaults: ws maxPayload 100 MiB, " +
          'python-websockets 1 MiB, Jetty 64 KiB, Tomcat/Spring 8 KiB.',
      ],
      checks: [
        "Compare the size of the page's last messages with the server's limit.",
        'Raise the limit or split large messages.',
        "With the ws library, the server's own close event says 1006 while the page sees 1009.",
      ],
    },
  ],
  [
    1010,
    {
      name: 'Mandatory Ext.',
      severity: 'error',
      summary: 'Mandatory extension: the client needed an extension the server did not negotiate',
      meaning:
        'The client expected the server to negotiate an extension it did not; the reason should ' +
        'list the extensions.',
      sentBy: 'The client.',
      causes: ["The client required extensions that the server's handshake response did not include."],
      checks: [
        'Read the close reason for the list of extensions.',
        'Compare it with the extensions the server negotiated for this socket.',
      ],
    },
  ],
  [
    1011,
    {
      name: 'Internal Error',
      severity: 'error',
      summary: 'Internal error: the server hit an unexpected condition',
      meaning: 'The server hit an unexpected condition, such as an exception in its handler.',
      sentBy: 'The server (either side, per an IANA update).',
      causes: ["An exception in the server's message handler."],
      checks: ['Check the server logs for an exception at the time of the close.', 'Read the close reason.'],
    },
  ],
  [
    1012,
    {
      name: 'Service Restart',
      severity: 'warn',
      summary: 'Service restart: reconnect after a random 5-30 s delay',
      meaning:
        'The service is restarting; the registration asks clients to reconnect after a random ' +
        'delay of 5-30 s.',
      sentBy: 'The server.',
      causes: ['The server is restarting.'],
      checks: ['Reconnect after a random delay of 5-30 s.'],
    },
  ],
  [
    1013,
    {
      name: 'Try Again Later',
      severity: 'warn',
      summary: 'Try again later: a temporary condition such as overload',
      meaning: 'A temporary condition such as overload; the client should reconnect later.',
      sentBy: 'The server.',
      causes: ['The server is overloaded or in another temporary condition.'],
      checks: ['Reconnect later, after a delay.'],
    },
  ],
  [
    1014,
    {
      name: 'Bad Gateway',
      severity: 'error',
      summary: 'Bad gateway: a proxy got an invalid response from upstream (like HTTP 502)',
      meaning: 'A gateway or proxy got an invalid response from the upstream server, like HTTP 502.',
      sentBy: 'The server or a proxy in front of it.',
      causes: ['A gateway or proxy got an invalid response from the server behind it.'],
      checks: ["Check the gateway's logs and the health of the upstream server behind it."],
    },
  ],
  [
    1015,
    {
      name: 'TLS handshake',
      severity: 'error',
      summary: 'TLS handshake failed, e.g. the certificate could not be verified',
      meaning:
        'Reserved: reported when the TLS handshake failed, e.g. the certificate could not be ' +
        'verified. It is never sent in a frame.',
      sentBy: LOCAL,
      causes: [
        "The TLS handshake failed, e.g. the server's certificate could not be verified.",
        'Firefox only: the server sent the forbidden code 1015 in a close frame; Chromium reports ' +
          'that as an unclean 1006.',
      ],
      checks: ['Open an https:// address on the same host and port in a tab to see the certificate error.'],
    },
  ],
  [
    3000,
    registered3000(
      'Unauthorized',
      'Registered as "Unauthorized", but SockJS servers send 3000 "Go away!" (and SaltyRTC uses 3000-3008)',
    ),
  ],
  [
    3003,
    registered3000(
      'Forbidden',
      'Registered as "Forbidden", but SaltyRTC uses 3000-3008 with its own meanings',
    ),
  ],
  [
    3008,
    registered3000('Timeout', 'Registered as "Timeout", but SaltyRTC uses 3000-3008 with its own meanings'),
  ],
]);

/**
 * The 3000-range registrations came after libraries had used those codes, so the text names the
 * registry's meaning as one possibility only; library-codes.ts adds the conflicting uses.
 */
function registered3000(name: string, summary: string): CodeText {
  return {
    name,
    severity: 'warn',
    summary,
    meaning:
      `Registered with IANA as "${name}" (3000-3999 are for libraries and frameworks, first ` +
      'come, first served). Libraries that used the code earlier give it their own meaning, so ' +
      'what it means depends on the server.',
    sentBy: 'Either side (app-defined).',
    causes: [`The server follows the IANA registration: ${name}.`],
    checks: [
      'Find out which library or framework the server uses: if it is one listed here, its meaning applies, not the registration.',
      'Read the close reason.',
    ],
  };
}

/** The registry entry for a code, or undefined when the code is not registered. */
export function registeredText(code: number): CodeText | undefined {
  return REGISTERED.get(code);
}
