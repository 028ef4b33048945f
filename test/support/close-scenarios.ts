import type { PageAction, PageSaw } from './page-scripts';

/**
 * The close scenarios of close-codes.md, shared by the Chromium and the Firefox suites. Each says
 * what that browser's page was measured to see (Chromium 156, Firefox 153.7 ESR) and how the
 * panel must then describe the close. The browsers disagree on malformed close frames and on a
 * bad frame that arrives with the handshake, so every expectation is per browser; a change in
 * either browser shows up as a failure.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface Expected {
  /** The page's own events: the truth every view must match. */
  saw: PageSaw;
  name: string;
  abnormal: boolean;
  initiator: 'page' | 'server' | 'browser' | 'network';
  headline?: RegExp;
}

export interface CloseScenario {
  title: string;
  path: (ws: string, refusedPort: number) => string;
  action?: PageAction;
  reason?: string;
  expected: Record<BrowserName, Expected>;
  /**
   * Another outcome a browser was seen to give for the same scenario, by timing alone: it stands
   * when the page's own `opened` is its.
   */
  race?: Partial<Record<BrowserName, Expected>>;
}

/** What a browser's page must have seen, given whether it saw `open`: the scenario's race decides. */
export function expectedFor(s: CloseScenario, browser: BrowserName, opened: boolean): Expected {
  const race = s.race?.[browser];
  return race && race.saw.opened === opened ? race : s.expected[browser];
}

const NAMES: Record<number, string> = {
  1000: 'Normal Closure',
  1001: 'Going Away',
  1002: 'Protocol Error',
  1003: 'Unsupported Data',
  1007: 'Invalid frame payload data',
  1008: 'Policy Violation',
  1009: 'Message Too Big',
  1010: 'Mandatory Ext.',
  1011: 'Internal Error',
  1012: 'Service Restart',
  1013: 'Try Again Later',
  1014: 'Bad Gateway',
  3000: 'Unauthorized',
  4000: 'Private use',
  4999: 'Private use',
};
const ERROR_CODES = new Set([1002, 1003, 1007, 1008, 1009, 1010, 1011, 1014]);

const cleanClose = (code: number, reason = ''): PageSaw => ({
  code,
  reason,
  wasClean: true,
  opened: true,
  errored: false,
});
const FAILED_AFTER_OPEN: PageSaw = { code: 1006, reason: '', wasClean: false, opened: true, errored: true };
const NEVER_OPENED: PageSaw = { code: 1006, reason: '', wasClean: false, opened: false, errored: true };

const BROWSER_FAILED: Expected = {
  saw: FAILED_AFTER_OPEN,
  name: 'Abnormal Closure',
  abnormal: true,
  initiator: 'browser',
  headline: /browser failed the connection/i,
};
const HANDSHAKE_FAILED: Expected = {
  saw: NEVER_OPENED,
  name: 'Abnormal Closure',
  abnormal: true,
  initiator: 'browser',
  headline: /never opened/i,
};
/** An empty close frame; Firefox reports a malformed close frame (or one carrying 1005) the same way. */
const NO_STATUS: Expected = {
  saw: cleanClose(1005),
  name: 'No Status Rcvd',
  abnormal: false,
  initiator: 'server',
  headline: /^Server closed without a status code/,
};

function both(expected: Expected): Record<BrowserName, Expected> {
  return { chromium: expected, firefox: expected };
}

export const CLOSE_SCENARIOS: CloseScenario[] = [
  ...Object.entries(NAMES).map(([c, name]): CloseScenario => {
    const code = Number(c);
    return {
      title: `server closes with ${code}`,
      path: (ws) => `${ws}/ws/close?code=${code}&reason=${encodeURIComponent(`reason ${code}`)}`,
      expected: both({
        saw: cleanClose(code, `reason ${code}`),
        name,
        abnormal: ERROR_CODES.has(code),
        initiator: 'server',
        headline: /^Server closed/,
      }),
    };
  }),
  {
    title: 'server closes with no code (empty close frame)',
    path: (ws) => `${ws}/ws/close`,
    expected: both(NO_STATUS),
  },
  {
    title: 'server drops TCP without a close frame',
    path: (ws) => `${ws}/ws/terminate`,
    expected: both({
      saw: { code: 1006, reason: '', wasClean: false, opened: true, errored: false },
      name: 'Abnormal Closure',
      abnormal: true,
      initiator: 'network',
      headline: /dropped after opening/i,
    }),
  },
  {
    title: 'connection refused',
    path: (_ws, port) => `ws://127.0.0.1:${port}/refused`,
    expected: both(HANDSHAKE_FAILED),
  },
  {
    title: 'handshake answered with HTTP 403',
    path: (ws) => `${ws}/ws/status?code=403`,
    expected: both(HANDSHAKE_FAILED),
  },
  {
    // The server writes the bad frame right behind its 101 response. Firefox then mostly fails
    // the connection before it fires open, so its page (and the panel) sees a socket that never
    // opened; once in a fresh-clone CI run it fired open first, like Chromium (the race below).
    title: 'server sends invalid UTF-8 in a text message',
    path: (ws) => `${ws}/ws/bad-utf8`,
    expected: {
      chromium: BROWSER_FAILED,
      // webRequest saw the 101, so the panel can tell this from a failed handshake.
      firefox: {
        ...HANDSHAKE_FAILED,
        headline:
          /^The server accepted the handshake \(101\), then the browser failed the connection before open/,
      },
    },
    race: { firefox: BROWSER_FAILED },
  },
  ...[1005, 1006, 1015].map((code): CloseScenario => ({
    title: `server sends the forbidden code ${code} in a close frame`,
    path: (ws) => `${ws}/ws/close?raw=1&code=${code}`,
    expected: {
      chromium: BROWSER_FAILED,
      firefox:
        code === 1005
          ? NO_STATUS
          : {
              saw: cleanClose(code),
              name: code === 1006 ? 'Abnormal Closure' : 'TLS handshake',
              abnormal: true,
              initiator: 'server',
              headline: new RegExp(
                `^Server sent the reserved code ${code} in a close frame \\(forbidden\\); this browser passed it through`,
              ),
            },
    },
  })),
  ...[999, 1004, 2000, 5000].map((code): CloseScenario => ({
    title: `server sends the invalid code ${code} (passed through)`,
    path: (ws) => `${ws}/ws/close?raw=1&code=${code}`,
    expected: both({
      saw: cleanClose(code),
      name:
        code === 1004
          ? 'Reserved'
          : code === 999
            ? 'Not used'
            : code === 2000
              ? 'Reserved (unassigned)'
              : 'Invalid (outside the code space)',
      abnormal: true,
      initiator: 'server',
      headline: /invalid close code/i,
    }),
  })),
  {
    title: 'server sends a close frame with a 1-byte body',
    path: (ws) => `${ws}/ws/close?raw=1&body=1byte`,
    expected: { chromium: BROWSER_FAILED, firefox: NO_STATUS },
  },
  {
    title: 'page calls close()',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close()',
    expected: both({
      saw: cleanClose(1005),
      name: 'No Status Rcvd',
      abnormal: false,
      initiator: 'page',
      headline: /^Page called close\(\) with no code/,
    }),
  },
  {
    title: 'page calls close(1000, reason)',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close(1000)',
    reason: 'done',
    expected: both({
      saw: cleanClose(1000, 'done'),
      name: 'Normal Closure',
      abnormal: false,
      initiator: 'page',
      headline: /^Page called close\(1000, reason\)/,
    }),
  },
  {
    title: 'page calls close(4001, reason)',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close(4001)',
    reason: 'user left, "bye", <b>no</b>',
    expected: both({
      saw: cleanClose(4001, 'user left, "bye", <b>no</b>'),
      name: 'Private use',
      abnormal: false,
      initiator: 'page',
      headline: /^Page called close\(4001, reason\)/,
    }),
  },
];

/**
 * test/fixtures/pages/early.html: its first inline script opens a socket the server closes with
 * 4000 'early', before any panel is open.
 */
export const EARLY_SOCKET = {
  path: (ws: string) => `${ws}/ws/close?code=4000&reason=early`,
  expected: {
    saw: { code: 4000, reason: 'early', wasClean: true, opened: true, errored: false },
    name: 'Private use',
    abnormal: false,
    initiator: 'server',
  } satisfies Expected,
};
