// ISOLATED world, document_start, every frame: carries the recorder's events to the background.
// The browser's own `chrome.runtime` (Firefox has it in content scripts too), not
// webextension-polyfill: the polyfill was three quarters of this script, which every frame loads.
import { PAGE_TO_RELAY, RELAY_TO_PAGE } from '../src/protocol/envelope';
import { RELEASE_HELD } from '../src/protocol/intercept-command';
import { RELAY_PORT, isRelayCommand } from '../src/protocol/runtime-messages';
import { SYNC_REQUEST } from '../src/protocol/sync-request';
import { Relay } from '../src/relay/relay';

const toPage = (request: unknown) =>
  document.dispatchEvent(new CustomEvent(RELAY_TO_PAGE, { detail: JSON.stringify(request) }));

const relay = new Relay({
  connect: () => chrome.runtime.connect({ name: RELAY_PORT }),
  url: location.href,
  // The service worker stopped: no decision on a held message can come back through it.
  disconnected: () => toPage(RELEASE_HELD),
});
document.addEventListener(PAGE_TO_RELAY, (e) => relay.fromPage((e as CustomEvent<unknown>).detail));
chrome.runtime.onMessage.addListener((message: unknown) => {
  if (isRelayCommand(message)) toPage(message.type === 'sync' ? SYNC_REQUEST : message.command);
  return undefined;
});
