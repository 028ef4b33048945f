// ISOLATED world, document_start, every frame: carries the recorder's events to the background.
import browser from 'webextension-polyfill';
import { PAGE_TO_RELAY, RELAY_TO_PAGE } from '../src/protocol/envelope';
import { RELAY_PORT, isRelayCommand } from '../src/protocol/runtime-messages';
import { SYNC_REQUEST } from '../src/protocol/sync-request';
import { Relay } from '../src/relay/relay';

const relay = new Relay({
  connect: () => browser.runtime.connect({ name: RELAY_PORT }),
  url: location.href,
});
document.addEventListener(PAGE_TO_RELAY, (e) => relay.fromPage((e as CustomEvent<unknown>).detail));
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isRelayCommand(message)) {
    const request = message.type === 'sync' ? SYNC_REQUEST : message.command;
    document.dispatchEvent(new CustomEvent(RELAY_TO_PAGE, { detail: JSON.stringify(request) }));
  }
  return undefined;
});
