import { describe, expect, it } from 'vitest';
import { Relay } from '../../../src/relay/relay';
import type { RelayMessage } from '../../../src/protocol/runtime-messages';
import { MAX_PAGE_MESSAGE_CHARS } from '../../../src/protocol/envelope';
import { MemoryPort } from '../memory-port';

function setup(connectThrows = false) {
  const ports: MemoryPort<RelayMessage>[] = [];
  let gone = 0;
  const relay = new Relay({
    url: 'https://page.test/',
    disconnected: () => gone++,
    connect: () => {
      if (connectThrows) throw new Error('Extension context invalidated.');
      const port = new MemoryPort<RelayMessage>();
      ports.push(port);
      return port;
    },
  });
  return { relay, ports, gone: () => gone };
}

describe('Relay', () => {
  it('announces the document, then forwards page strings unparsed', () => {
    const { relay, ports } = setup();
    relay.fromPage('{"any":"thing"}');
    expect(ports[0]!.posted).toEqual([
      { type: 'document-start', url: 'https://page.test/' },
      { type: 'page-data', data: '{"any":"thing"}' },
    ]);
  });

  it('turns non-strings and oversized strings into counted rejections', () => {
    const { relay, ports } = setup();
    relay.fromPage({ forged: true });
    relay.fromPage('x'.repeat(MAX_PAGE_MESSAGE_CHARS + 1));
    expect(ports[0]!.posted.slice(1)).toEqual([
      { type: 'page-rejected', count: 1, error: 'not a string (object)' },
      { type: 'page-rejected', count: 1, error: `too large (${MAX_PAGE_MESSAGE_CHARS + 1} chars)` },
    ]);
  });

  it('reconnects lazily after the service worker went away, and says it went', () => {
    const { relay, ports, gone } = setup();
    ports[0]!.disconnect();
    expect(gone()).toBe(1);
    expect(ports).toHaveLength(1);
    relay.fromPage('after restart');
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'page-data', data: 'after restart' }]);
  });

  it('goes quiet, without throwing, once the extension is gone, and stops trying to connect', () => {
    let attempts = 0;
    const relay = new Relay({
      url: 'https://page.test/',
      disconnected: () => undefined,
      connect: () => {
        attempts++;
        throw new Error('Extension context invalidated.');
      },
    });
    expect(() => relay.fromPage('x')).not.toThrow();
    expect(() => relay.fromPage('y')).not.toThrow();
    // One attempt (when the document started); after that it knows nobody is listening.
    expect(attempts).toBe(1);
  });
});
