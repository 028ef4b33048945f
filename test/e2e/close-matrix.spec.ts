import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { closedRow, exportJson } from './panel-reader';
import { runSocket } from './page-scripts';
import type { PageAction, PageSaw } from './page-scripts';

/**
 * The close scenarios of close-codes.md, each run by a page against the local server with the
 * panel open (live path), then checked again in a panel opened afterwards (the page-history
 * path) and in its JSON export. The page's own CloseEvent is the truth every view must match;
 * `chromium` is what Chromium 156 was measured to report, so a change in the browser shows up.
 */
interface Scenario {
  title: string;
  path: (ws: string, refusedPort: number) => string;
  action?: PageAction;
  reason?: string;
  chromium: { code: number; wasClean: boolean; opened: boolean; errored: boolean };
  name: string;
  abnormal: boolean;
  initiator: 'page' | 'server' | 'browser' | 'network';
  headline?: RegExp;
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
const clean = { wasClean: true, opened: true, errored: false };
const failedAfterOpen = { code: 1006, wasClean: false, opened: true, errored: true };
const BROWSER_FAILED = /browser failed the connection/i;

const scenarios: Scenario[] = [
  ...Object.entries(NAMES).map(([c, name]): Scenario => {
    const code = Number(c);
    return {
      title: `server closes with ${code}`,
      path: (ws) => `${ws}/ws/close?code=${code}&reason=${encodeURIComponent(`reason ${code}`)}`,
      chromium: { code, ...clean },
      name,
      abnormal: ERROR_CODES.has(code),
      initiator: 'server',
      headline: /^Server closed/,
    };
  }),
  {
    title: 'server closes with no code (empty close frame)',
    path: (ws) => `${ws}/ws/close`,
    chromium: { code: 1005, ...clean },
    name: 'No Status Rcvd',
    abnormal: false,
    initiator: 'server',
  },
  {
    title: 'server drops TCP without a close frame',
    path: (ws) => `${ws}/ws/terminate`,
    chromium: { code: 1006, wasClean: false, opened: true, errored: false },
    name: 'Abnormal Closure',
    abnormal: true,
    initiator: 'network',
    headline: /dropped after opening/i,
  },
  {
    title: 'connection refused',
    path: (_ws, port) => `ws://127.0.0.1:${port}/refused`,
    chromium: { code: 1006, wasClean: false, opened: false, errored: true },
    name: 'Abnormal Closure',
    abnormal: true,
    initiator: 'browser',
    headline: /never opened/i,
  },
  {
    title: 'handshake answered with HTTP 403',
    path: (ws) => `${ws}/ws/status?code=403`,
    chromium: { code: 1006, wasClean: false, opened: false, errored: true },
    name: 'Abnormal Closure',
    abnormal: true,
    initiator: 'browser',
    headline: /never opened/i,
  },
  {
    title: 'server sends invalid UTF-8 in a text message',
    path: (ws) => `${ws}/ws/bad-utf8`,
    chromium: failedAfterOpen,
    name: 'Abnormal Closure',
    abnormal: true,
    initiator: 'browser',
    headline: BROWSER_FAILED,
  },
  ...[1005, 1006, 1015].map(
    (code): Scenario => ({
      title: `server sends the forbidden code ${code} in a close frame`,
      path: (ws) => `${ws}/ws/close?raw=1&code=${code}`,
      chromium: failedAfterOpen,
      name: 'Abnormal Closure',
      abnormal: true,
      initiator: 'browser',
      headline: BROWSER_FAILED,
    }),
  ),
  ...[999, 1004, 2000, 5000].map(
    (code): Scenario => ({
      title: `server sends the invalid code ${code} (passed through)`,
      path: (ws) => `${ws}/ws/close?raw=1&code=${code}`,
      chromium: { code, ...clean },
      name: code === 1004 ? 'Reserved' : code === 999 ? 'Not used' : code === 2000 ? 'Reserved (unassigned)' : 'Invalid (outside the code space)',
      abnormal: true,
      initiator: 'server',
      headline: /invalid close code/i,
    }),
  ),
  {
    title: 'server sends a close frame with a 1-byte body',
    path: (ws) => `${ws}/ws/close?raw=1&body=1byte`,
    chromium: failedAfterOpen,
    name: 'Abnormal Closure',
    abnormal: true,
    initiator: 'browser',
  },
  {
    title: 'page calls close()',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close()',
    chromium: { code: 1005, ...clean },
    name: 'No Status Rcvd',
    abnormal: false,
    initiator: 'page',
    headline: /^Page called close\(\) with no code/,
  },
  {
    title: 'page calls close(1000, reason)',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close(1000)',
    reason: 'done',
    chromium: { code: 1000, ...clean },
    name: 'Normal Closure',
    abnormal: false,
    initiator: 'page',
    headline: /^Page called close\(1000, reason\)/,
  },
  {
    title: 'page calls close(4001, reason)',
    path: (ws) => `${ws}/ws/echo`,
    action: 'close(4001)',
    reason: 'user left, "bye", <b>no</b>',
    chromium: { code: 4001, ...clean },
    name: 'Private use',
    abnormal: false,
    initiator: 'page',
    headline: /^Page called close\(4001, reason\)/,
  },
];

test.describe('close matrix in Chromium', () => {
  for (const s of scenarios) {
    test(s.title, async ({ open, ext, server }) => {
      const { page, tabId } = await open('blank.html');
      const livePanel = await ext.openPanel(tabId);
      const url = new URL(s.path(server.ws, server.refusedPort)).href;

      const saw = await runSocket(page, url, s.action, s.reason);
      expect(saw).toEqual({ ...s.chromium, reason: expectedReason(s, saw) });

      const latePanel = await ext.openPanel(tabId);
      for (const panel of [livePanel, latePanel]) await expectRowMatches(panel, url, saw, s);

      const log = await exportJson(latePanel);
      const exported = log.sockets.find((x) => x.url === url);
      expect(exported?.close).toEqual({
        code: saw.code,
        reason: saw.reason,
        wasClean: saw.wasClean,
        initiator: s.initiator,
        name: s.name,
        explanation: expect.any(String),
        abnormal: s.abnormal,
        injected: false,
      });
      expect(exported?.openedAt === null).toBe(!saw.opened);
      expect(exported?.errorAt === null).toBe(!saw.errored);
    });
  }
});

/** The reason the page saw: the server's (or the page's echoed) reason text, if any. */
function expectedReason(s: Scenario, saw: PageSaw): string {
  if (!s.chromium.wasClean) return '';
  if (s.action === 'close()') return '';
  if (s.action) return s.reason ?? '';
  return saw.reason;
}

async function expectRowMatches(panel: Page, url: string, saw: PageSaw, s: Scenario): Promise<void> {
  const row = await closedRow(panel, url);
  expect(row.code.match(/\d+/)?.[0]).toBe(String(saw.code));
  expect(row.reason).toBe(saw.reason);
  expect(row.clean).toBe(saw.wasClean ? 'yes' : 'no');
  expect(row.name).toBe(s.name);
  expect(row.initiator).toBe(s.initiator);
  expect(row.tone.startsWith('abnormal')).toBe(s.abnormal);
  expect(row.code.includes('abnormal')).toBe(s.abnormal);
  if (saw.code === 1006) expect(row.tone).toBe('abnormal-1006');
  if (s.headline) expect(row.explanation).toMatch(s.headline);
}
