import { describe, expect, it } from 'vitest';
import { Router } from '../../../src/background/router';
import type { PageMessage } from '../../../src/protocol/page-messages';
import type { PanelMessage } from '../../../src/protocol/runtime-messages';
import { MemoryPort } from '../memory-port';
import { batch, ev } from '../event-builders';

function setup() {
  const syncs: (number | [number, number])[] = [];
  const seen: [number, PageMessage][] = [];
  const navigations: number[] = [];
  const router = new Router({
    requestSync: (tabId, frameId) => syncs.push(frameId === undefined ? tabId : [tabId, frameId]),
    onPageMessage: (tabId, m) => seen.push([tabId, m]),
    onNavigated: (tabId) => navigations.push(tabId),
  });
  const panel = (tabId: number) => {
    const port = new MemoryPort<PanelMessage>();
    router.panelConnected(port);
    port.deliver({ type: 'subscribe', tabId });
    return port;
  };
  const pageData = (data: unknown) => ({ type: 'page-data', data: typeof data === 'string' ? data : JSON.stringify(data) });
  return { router, syncs, seen, navigations, panel, pageData };
}

describe('Router', () => {
  it('asks the tab to resync when a panel subscribes, and forwards only that tab’s data', () => {
    const { router, syncs, panel, pageData } = setup();
    const p5 = panel(5);
    const p6 = panel(6);
    expect(syncs).toEqual([5, 6]);
    router.fromRelay(5, 2, pageData(batch('d', [ev.created(1, 1)])));
    expect(p5.posted).toEqual([{ type: 'events', frameId: 2, batch: batch('d', [ev.created(1, 1)]) }]);
    expect(p6.posted).toEqual([]);
  });

  it('drops and counts malformed or forged page data, and never forwards it', () => {
    const { router, panel, seen, pageData } = setup();
    const p = panel(1);
    const forged = [
      'not json',
      '{"source":"websocket-close-inspector","v":1,"type":"events","doc":"d","events":[{"type":"created"}]}',
      pageData({ ...batch('d', [ev.created(1, 1)]), v: 2 }).data,
      pageData({ ...batch('d', [{ ...ev.closed(1, 2), code: 70000 }]) }).data,
      pageData({ ...batch('d', [{ ...ev.created(1, 1), url: 'x'.repeat(10_000) }]) }).data,
      pageData({ ...batch('d', [{ ...ev.message(1, 1), size: -1 }]) }).data,
    ];
    for (const data of forged) router.fromRelay(1, 0, { type: 'page-data', data });
    router.fromRelay(1, 0, { type: 'page-rejected', count: 2, error: 'not a string (object)' });
    router.fromRelay(1, 0, { type: 'nonsense' });
    router.fromRelay(1, 0, null);
    expect(seen).toEqual([]);
    expect(p.posted.every((m) => m.type === 'rejected')).toBe(true);
    expect(p.posted.at(-1)).toEqual({ type: 'rejected', count: forged.length + 2, lastError: 'not a string (object)' });
  });

  it('tells a late panel how many messages were rejected before it came', () => {
    const { router, panel } = setup();
    router.fromRelay(3, 0, { type: 'page-data', data: '[]' });
    expect(panel(3).posted).toEqual([{ type: 'rejected', count: 1, lastError: expect.any(String) }]);
  });

  it('reports top-frame navigations only', () => {
    const { router, panel, navigations } = setup();
    const p = panel(4);
    router.fromRelay(4, 7, { type: 'document-start', url: 'https://frame.test/' });
    router.fromRelay(4, 0, { type: 'document-start', url: 'https://page.test/' });
    expect(navigations).toEqual([4]);
    expect(p.posted).toEqual([{ type: 'navigated', url: 'https://page.test/' }]);
  });

  it('forgets a panel once its port disconnects', () => {
    const { router, panel, pageData } = setup();
    const p = panel(1);
    p.disconnect();
    router.fromRelay(1, 0, pageData(batch('d', [ev.created(1, 1)])));
    expect(p.posted).toEqual([]);
  });

  it('has a new document start streaming when its tab is watched, and only then', () => {
    const { router, syncs, panel } = setup();
    router.fromRelay(8, 3, { type: 'document-start', url: 'https://unwatched.test/' });
    expect(syncs).toEqual([]);
    panel(8);
    router.fromRelay(8, 3, { type: 'document-start', url: 'https://frame.test/' });
    expect(syncs).toEqual([8, [8, 3]]);
  });
});
