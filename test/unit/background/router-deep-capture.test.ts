import { describe, expect, it, vi } from 'vitest';
import { Router } from '../../../src/background/router';
import type { RouterDeps } from '../../../src/background/router';
import { TabMemoryStore } from '../../../src/background/tab-memory';
import { DEEP_CAPTURE_OFF } from '../../../src/protocol/deep-capture';
import type { WireReport } from '../../../src/protocol/deep-capture';
import { injectCommand } from '../../../src/protocol/inject-command';
import type { PanelMessage } from '../../../src/protocol/runtime-messages';
import { MemoryPort } from '../memory-port';
import { MemorySessionStorage } from '../memory-session-storage';
import { batch, ev, pageString } from '../event-builders';

const WORKER = { kind: 'shared', url: 'http://a.test/shared.js' } as const;

function setup() {
  const on = new Set<number>();
  const deep = {
    start: vi.fn(async (tabId: number) => void on.add(tabId)),
    stop: vi.fn(async (tabId: number) => void on.delete(tabId)),
    sync: vi.fn(),
    inject: vi.fn(),
    stateOf: () => DEEP_CAPTURE_OFF,
    isOn: (tabId: number) => on.has(tabId),
  } satisfies RouterDeps['deepCapture'];
  const frameInjects: unknown[][] = [];
  const badges = new Map<number, number>();
  const router = new Router({
    requestSync: () => undefined,
    inject: (...args) => frameInjects.push(args),
    intercept: () => undefined,
    setBadge: (tabId, count) => badges.set(tabId, count),
    memory: new TabMemoryStore(new MemorySessionStorage()),
    now: () => 1234,
    deepCapture: deep,
  });
  const panel = (tabId: number) => {
    const port = new MemoryPort<PanelMessage>();
    router.panelConnected(port);
    port.deliver({ type: 'subscribe', tabId });
    return port;
  };
  return { router, deep, frameInjects, badges, panel };
}

describe('Router with deep capture', () => {
  it('passes a worker recorder’s events on with their worker, counts their abnormal closes, and sends its fault controls back to it', async () => {
    const { router, deep, frameInjects, badges, panel } = setup();
    const p = panel(3);
    await vi.waitFor(() => expect(deep.sync).toHaveBeenCalledWith(3));
    const events = batch('wd', [ev.created(1, 1), ev.closed(1, 2, 1006, false)]);
    router.fromWorker(3, { key: 'target:sh', worker: WORKER }, pageString(events));
    expect(p.posted.at(-1)).toEqual({ type: 'events', frameId: 0, batch: events, worker: WORKER });
    await vi.waitFor(() => expect(badges.get(3)).toBe(1));

    p.deliver({ type: 'inject', tabId: 3, frameId: 0, command: injectCommand('wd', 1, { action: 'drop' }) });
    p.deliver({
      type: 'inject',
      tabId: 3,
      frameId: 0,
      command: injectCommand('page', 1, { action: 'drop' }),
    });
    expect(deep.inject).toHaveBeenCalledWith('target:sh', injectCommand('wd', 1, { action: 'drop' }));
    expect(frameInjects).toEqual([[3, 0, injectCommand('page', 1, { action: 'drop' })]]);
  });

  it('keeps what Chromium reported for panels that subscribe later', () => {
    const { router, panel } = setup();
    const report: WireReport = {
      requestId: 'r1',
      url: 'ws://a.test/raw',
      at: 5,
      statusCode: null,
      statusText: null,
      headers: null,
      error: 'Received a broken close frame containing a reserved status code.',
    };
    router.wireReported(3, report);
    expect(panel(3).posted).toContainEqual({ type: 'wire', report });
  });

  it('switches on and off at the panel’s word, and goes off when the tab’s last panel closes', () => {
    const { deep, panel } = setup();
    const p = panel(3);
    p.deliver({ type: 'deep-capture', tabId: 3, on: true });
    expect(deep.start).toHaveBeenCalledWith(3);
    p.deliver({ type: 'deep-capture', tabId: 3, on: false });
    expect(deep.stop).toHaveBeenCalledWith(3);

    p.deliver({ type: 'deep-capture', tabId: 3, on: true });
    const second = panel(3);
    p.disconnect();
    expect(deep.stop).toHaveBeenCalledTimes(1);
    second.disconnect();
    expect(deep.stop).toHaveBeenLastCalledWith(3, 'Deep capture went off: DevTools closed.');
  });
});
