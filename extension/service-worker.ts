// The MV3 service worker: routes validated page data to the panels of each tab.
import browser from 'webextension-polyfill';
import { Router } from '../src/background/router';
import { PANEL_PORT, RELAY_PORT } from '../src/protocol/runtime-messages';
import type { RelayCommand } from '../src/protocol/runtime-messages';

const router = new Router({
  requestSync(tabId, frameId) {
    const command: RelayCommand = { type: 'sync' };
    // Frames without a relay (browser pages) reject; there is nothing to sync there.
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? {} : { frameId }).catch(() => undefined);
  },
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
