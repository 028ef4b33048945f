import { MAX_PAGE_MESSAGE_CHARS } from '../protocol/envelope';
import type { RelayMessage } from '../protocol/runtime-messages';
import type { PortLike } from '../transport/port-like';

export interface RelayDeps {
  /** Opens a port to the background; throws when the extension context is gone (reload). */
  connect(): PortLike<RelayMessage>;
  /** This document's URL, announced once at start. */
  url: string;
  /** The background went away (the service worker stopped, the extension was reloaded). */
  disconnected(): void;
}

/**
 * The ISOLATED-world relay: forwards the recorder's page-channel strings to the background
 * unparsed (the background validates them, off the page's main thread), drops what is not a
 * string or too large, and reconnects its port lazily after the service worker was stopped, so
 * idle frames do not keep waking it.
 */
export class Relay {
  private port: PortLike<RelayMessage> | null = null;
  private dead = false;

  constructor(private readonly deps: RelayDeps) {
    this.send({ type: 'document-start', url: deps.url });
  }

  /** One `detail` from the page channel: anything the page (or a forger in it) dispatched. */
  fromPage(detail: unknown): void {
    if (typeof detail !== 'string') {
      this.send({ type: 'page-rejected', count: 1, error: `not a string (${typeof detail})` });
    } else if (detail.length > MAX_PAGE_MESSAGE_CHARS) {
      this.send({ type: 'page-rejected', count: 1, error: `too large (${detail.length} chars)` });
    } else {
      this.send({ type: 'page-data', data: detail });
    }
  }

  private send(message: RelayMessage): void {
    for (let attempt = 0; attempt < 2 && !this.dead; attempt++) {
      try {
        this.port ??= this.open();
      } catch {
        // The extension was reloaded or removed: this document's relay has nobody to talk to.
        this.dead = true;
        return;
      }
      try {
        this.port.postMessage(message);
        return;
      } catch {
        // Disconnected before onDisconnect reached us (the worker just stopped): reconnect once.
        this.port = null;
      }
    }
  }

  private open(): PortLike<RelayMessage> {
    const port = this.deps.connect();
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
      this.deps.disconnected();
    });
    return port;
  }
}
