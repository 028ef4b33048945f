// The MV3 service worker: routes validated page data to the panels of each tab, keeps the
// badge count, observes WebSocket handshakes (webRequest, observe only) and, in Chromium, runs
// deep capture (chrome.debugger) for the tabs whose panels turn it on.
import browser from 'webextension-polyfill';
import { Router } from '../src/background/router';
import { badgeText, badgeTitle } from '../src/background/badge-text';
import { TabMemoryStore } from '../src/background/tab-memory';
import { PANEL_PORT, RELAY_PORT } from '../src/protocol/runtime-messages';
import type { RelayCommand } from '../src/protocol/runtime-messages';
import type { HandshakeReport } from '../src/protocol/handshake';
import { startDeepCapture } from './deep-capture';

const BADGE_COLOR = '#c5221f';

const deepCapture =
  __DEEP_CAPTURE__ === 'switch'
    ? startDeepCapture({
        pageData: (tabId, from, data) => router.fromWorker(tabId, from, data),
        wire: (tabId, report) => router.wireReported(tabId, report),
        state: (tabId, state) => router.deepCaptureChanged(tabId, state),
      })
    : undefined;

const router = new Router({
  requestSync(tabId, frameId) {
    const command: RelayCommand = { type: 'sync' };
    // Frames without a relay (browser pages) reject; there is nothing to sync there.
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? {} : { frameId }).catch(() => undefined);
  },
  inject(tabId, frameId, command) {
    const message: RelayCommand = { type: 'inject', command };
    // The frame may have navigated away since: its socket is gone, so is the command.
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
  },
  intercept(tabId, frameId, command) {
    const message: RelayCommand = { type: 'intercept', command };
    browser.tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId }).catch(() => undefined);
  },
  setBadge(tabId, count, intercepting) {
    browser.action.setBadgeText({ tabId, text: badgeText(count, intercepting) }).catch(() => undefined);
    browser.action.setTitle({ tabId, title: badgeTitle(intercepting) }).catch(() => undefined);
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }).catch(() => undefined);
  },
  memory: new TabMemoryStore(browser.storage.session),
  now: () => Date.now(),
  ...(deepCapture ? { deepCapture } : {}),
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PANEL_PORT) {
    router.panelConnected(port);
  } else if (port.name === RELAY_PORT) {
    const tabId = port.sender?.tab?.id;
    const frameId = port.sender?.frameId;
    if (tabId === undefined || frameId === undefined) return;
    port.onMessage.addListener((m: unknown) => router.fromRelay(tabId, frameId, m));
  }
});
browser.tabs.onRemoved.addListener((tabId) => router.tabClosed(tabId));

const websockets = { urls: ['<all_urls>'], types: ['websocket' as const] };
type HandshakeEvent = { tabId: number; requestId: string; frameId: number; url: string; timeStamp: number };
/** A handshake's answer or its network error, for its tab (none, -1: a service worker's, say). */
function reportHandshake(
  d: HandshakeEvent,
  outcome: Pick<HandshakeReport, 'statusCode' | 'statusLine' | 'error'>,
) {
  if (d.tabId < 0) return;
  router.handshakeReported(d.tabId, {
    requestId: d.requestId,
    frameId: d.frameId,
    url: d.url,
    at: d.timeStamp,
    ...outcome,
  });
}
browser.webRequest.onHeadersReceived.addListener(
  (d) => reportHandshake(d, { statusCode: d.statusCode, statusLine: d.statusLine, error: null }),
  websockets,
);
browser.webRequest.onErrorOccurred.addListener(
  (d) => reportHandshake(d, { statusCode: null, statusLine: null, error: d.error }),
  websockets,
);
