import { describe, expect, it, vi } from 'vitest';
import { Router } from '../../../src/background/router';
import { TabMemoryStore } from '../../../src/background/tab-memory';
import type { HandshakeReport } from '../../../src/protocol/handshake';
import type { PanelMessage } from '../../../src/protocol/runtime-messages';
import { PROTOCOL_VERSION, pageHeader } from '../../../src/protocol/envelope';
import { injectCommand } from '../../../src/protocol/inject-command';
import { holdDecisionCommand, interceptRulesCommand } from '../../../src/protocol/intercept-command';
import { rule } from '../intercept/rule-builder';
import { isPanelMessage } from '../../../src/protocol/runtime-messages';
import { MemoryPort } from '../memory-port';
import { MemorySessionStorage } from '../memory-session-storage';
import { batch, ev, pageString } from '../event-builders';

function setup(storage = new MemorySessionStorage()) {
  const syncs: (number | [number, number])[] = [];
  const injects: unknown[][] = [];
  const intercepts: unknown[][] = [];
  const badges = new Map<number, number>();
  const intercepting = new Map<number, boolean>();
  const router = new Router({
    requestSync: (tabId, frameId) => syncs.push(frameId === undefined ? tabId : [tabId, frameId]),
    inject: (...args) => injects.push(args),
    intercept: (...args) => intercepts.push(args),
    setBadge: (tabId, count, on) => {
      badges.set(tabId, count);
      intercepting.set(tabId, on);
    },
    memory: new TabMemoryStore(storage),
    now: () => 1234,
  });
  const panel = (tabId: number, preserve = false) => {
    const port = new MemoryPort<PanelMessage>();
    router.panelConnected(port);
    if (preserve) port.deliver({ type: 'preserve-log', tabId, on: true });
    port.deliver({ type: 'subscribe', tabId });
    return port;
  };
  const pageData = (data: unknown) => ({
    type: 'page-data',
    data: typeof data === 'string' ? data : pageString(data),
  });
  const closes = (tabId: number, ...codes: [number, boolean][]) =>
    router.fromRelay(
      tabId,
      0,
      pageData(
        batch(
          'd',
          codes.map(([code, clean], i) => ev.closed(i + 1, i + 1, code, clean)),
        ),
      ),
    );
  return { router, syncs, injects, intercepts, badges, intercepting, panel, pageData, closes, storage };
}

const failure: HandshakeReport = {
  requestId: '7',
  frameId: 0,
  url: 'ws://x.test/',
  at: 5,
  statusCode: 403,
  statusLine: 'HTTP/1.1 403 Forbidden',
  error: null,
};

describe('Router', () => {
  it('asks the tab to resync when a panel subscribes, and forwards only that tab’s data', async () => {
    const { router, syncs, panel, pageData } = setup();
    const p5 = panel(5);
    const p6 = panel(6);
    await vi.waitFor(() => expect(syncs).toEqual([5, 6]));
    router.fromRelay(5, 2, pageData(batch('d', [ev.created(1, 1)])));
    expect(p5.posted).toEqual([{ type: 'events', frameId: 2, batch: batch('d', [ev.created(1, 1)]) }]);
    expect(p6.posted).toEqual([]);
  });

  it('drops and counts malformed or forged page data, and never forwards it', () => {
    const { router, panel, pageData } = setup();
    const p = panel(1);
    const forged = [
      'not json',
      JSON.stringify(batch('d', [ev.created(1, 1)])),
      `${pageHeader(PROTOCOL_VERSION)}not json`,
      pageData({ ...batch('d', [ev.created(1, 1)]), v: PROTOCOL_VERSION + 1 }).data,
      pageData({ ...batch('d', [{ ...ev.closed(1, 2), code: 70000 }]) }).data,
      pageData({ ...batch('d', [{ ...ev.created(1, 1), url: 'x'.repeat(10_000) }]) }).data,
      pageData({ ...batch('d', [{ ...ev.message(1, 1), size: -1 }]) }).data,
    ];
    for (const data of forged) router.fromRelay(1, 0, { type: 'page-data', data });
    router.fromRelay(1, 0, { type: 'page-rejected', count: 2, error: 'not a string (object)' });
    router.fromRelay(1, 0, { type: 'nonsense' });
    router.fromRelay(1, 0, null);
    expect(p.posted.length).toBeGreaterThan(0);
    expect(p.posted.every((m) => m.type === 'rejected')).toBe(true);
    expect(p.posted.at(-1)).toEqual({
      type: 'rejected',
      count: forged.length + 2,
      lastError: 'not a string (object)',
    });
  });

  it('names a recorder of another protocol version, once per frame, to live and later panels', () => {
    const { router, panel } = setup();
    const live = panel(4);
    // What a version 1 recorder (an older dist/recorder.js) wrote, and a future one.
    const v1 = '{"source":"websocket-close-inspector","v":1,"type":"events","doc":"d","events":[]}';
    router.fromRelay(4, 3, { type: 'page-data', data: v1 });
    router.fromRelay(4, 3, { type: 'page-data', data: v1 });
    router.fromRelay(4, 0, { type: 'page-data', data: pageString(batch('d', []), 7) });
    const mismatch = (frameId: number, recorderVersion: number) => ({
      type: 'recorder-mismatch',
      frameId,
      recorderVersion,
      expectedVersion: PROTOCOL_VERSION,
    });
    expect(live.posted).toEqual([mismatch(3, 1), mismatch(0, 7)]);
    expect(panel(4).posted).toEqual([mismatch(3, 1), mismatch(0, 7)]);
    expect(isPanelMessage(mismatch(3, 1))).toBe(true);
  });

  it('tells a late panel how many messages were rejected before it came', () => {
    const { router, panel } = setup();
    router.fromRelay(3, 0, { type: 'page-data', data: '[]' });
    expect(panel(3).posted).toEqual([{ type: 'rejected', count: 1, lastError: expect.any(String) }]);
  });

  it('counts abnormal closes for the badge with no panel open, and keeps counting after a restart', async () => {
    const storage = new MemorySessionStorage();
    const first = setup(storage);
    first.closes(9, [1000, true], [1006, false], [1011, true], [4001, true]);
    await vi.waitFor(() => expect(first.badges.get(9)).toBe(2));
    // A new worker: nothing in memory but what session storage kept.
    const second = setup(storage);
    second.closes(9, [1006, false]);
    await vi.waitFor(() => expect(second.badges.get(9)).toBe(3));
  });

  it('resets the badge on top-frame navigation unless an open panel preserves the log', async () => {
    const { router, badges, closes, panel } = setup();
    closes(4, [1006, false]);
    router.fromRelay(4, 7, { type: 'document-start', url: 'https://frame.test/' });
    await vi.waitFor(() => expect(badges.get(4)).toBe(1));
    const p = panel(4, true);
    router.fromRelay(4, 0, { type: 'document-start', url: 'https://page.test/next' });
    await vi.waitFor(() =>
      expect(p.posted).toContainEqual({ type: 'navigated', url: 'https://page.test/next', at: 1234 }),
    );
    expect(badges.get(4)).toBe(1);
    p.deliver({ type: 'preserve-log', tabId: 4, on: false });
    router.fromRelay(4, 0, { type: 'document-start', url: 'https://page.test/again' });
    await vi.waitFor(() => expect(badges.get(4)).toBe(0));
  });

  it('clears the badge when the panel clears', async () => {
    const { badges, closes, panel } = setup();
    closes(2, [1006, false]);
    await vi.waitFor(() => expect(badges.get(2)).toBe(1));
    panel(2).deliver({ type: 'clear', tabId: 2 });
    await vi.waitFor(() => expect(badges.get(2)).toBe(0));
  });

  it('sends handshake failures live and, remembered, to panels that come later', async () => {
    const { router, panel } = setup();
    const early = panel(1);
    router.handshakeReported(1, failure);
    expect(early.posted).toContainEqual({ type: 'handshake', report: failure });
    const late = panel(1);
    await vi.waitFor(() => expect(late.posted).toContainEqual({ type: 'handshake', report: failure }));
    // A successful handshake is kept in the worker's memory, not in storage, for panels to come.
    router.handshakeReported(1, {
      ...failure,
      requestId: '8',
      statusCode: 101,
      statusLine: 'HTTP/1.1 101 Switching Protocols',
    });
    expect(late.posted.filter((m) => m.type === 'handshake')).toHaveLength(2);
    const later = panel(1);
    await vi.waitFor(() => expect(later.posted.filter((m) => m.type === 'handshake')).toHaveLength(2));
  });

  it('forgets handshake reports of both kinds on navigation and on Clear', async () => {
    const { router, panel, syncs } = setup();
    const accepted = {
      ...failure,
      requestId: '8',
      statusCode: 101,
      statusLine: 'HTTP/1.1 101 Switching Protocols',
    };
    const handshakesOf = (p: ReturnType<typeof panel>) => p.posted.filter((m) => m.type === 'handshake');
    // A subscribing panel is sent the remembered reports, then the tab is asked to resync.
    const subscribed = async () => {
      const p = panel(1);
      const before = syncs.length;
      await vi.waitFor(() => expect(syncs.length).toBe(before + 1));
      return p;
    };
    router.handshakeReported(1, failure);
    router.handshakeReported(1, accepted);
    router.fromRelay(1, 0, { type: 'document-start', url: 'https://page.test/next' });
    const afterNavigation = await subscribed();
    expect(handshakesOf(afterNavigation)).toEqual([]);
    router.handshakeReported(1, failure);
    router.handshakeReported(1, accepted);
    expect(handshakesOf(afterNavigation)).toHaveLength(2);
    afterNavigation.deliver({ type: 'clear', tabId: 1 });
    expect(handshakesOf(await subscribed())).toEqual([]);
  });

  it('forgets a panel once its port disconnects', () => {
    const { router, panel, pageData } = setup();
    const p = panel(1);
    p.disconnect();
    router.fromRelay(1, 0, pageData(batch('d', [ev.created(1, 1)])));
    expect(p.posted).toEqual([]);
  });

  it('hands a fault control or a tester’s message to the socket’s frame only, and keeps injected closes out of the badge', async () => {
    const { router, injects, badges, panel, pageData } = setup();
    const p = panel(3);
    const command = injectCommand('d', 1, { action: 'drop' });
    const message = injectCommand('d', 1, { action: 'send', message: { kind: 'binary', data: 'ff' } });
    p.deliver({ type: 'inject', tabId: 3, frameId: 7, command });
    p.deliver({ type: 'inject', tabId: 3, frameId: 7, command: { ...command, action: 'explode' } });
    p.deliver({ type: 'inject', tabId: 3, frameId: 7, command: message });
    p.deliver({
      type: 'inject',
      tabId: 3,
      frameId: 7,
      command: { ...message, message: { kind: 'binary', data: 'f' } },
    });
    expect(injects).toEqual([
      [3, 7, command],
      [3, 7, message],
    ]);

    router.fromRelay(
      3,
      7,
      pageData(
        batch('d', [{ ...ev.closed(1, 1, 1006, false), injected: true }, ev.closed(2, 2, 1006, false)]),
      ),
    );
    await vi.waitFor(() => expect(badges.get(3)).toBe(1));
  });

  it('tells a subscribing panel its tab’s top document, whose site its saved messages are, across a worker restart', async () => {
    const storage = new MemorySessionStorage();
    const { router, panel } = setup(storage);
    router.fromRelay(4, 0, { type: 'document-start', url: 'https://app.test/a' });
    router.fromRelay(4, 9, { type: 'document-start', url: 'https://frame.test/' });
    const p = panel(4);
    await vi.waitFor(() => expect(p.posted).toContainEqual({ type: 'page', url: 'https://app.test/a' }));
    p.deliver({ type: 'clear', tabId: 4 });
    const restarted = setup(storage);
    const later = restarted.panel(4);
    await vi.waitFor(() => expect(later.posted).toContainEqual({ type: 'page', url: 'https://app.test/a' }));
  });

  it('has a new document start streaming when its tab is watched, and only then', async () => {
    const { router, syncs, panel } = setup();
    router.fromRelay(8, 3, { type: 'document-start', url: 'https://unwatched.test/' });
    expect(syncs).toEqual([]);
    panel(8);
    await vi.waitFor(() => expect(syncs).toEqual([8]));
    router.fromRelay(8, 3, { type: 'document-start', url: 'https://frame.test/' });
    expect(syncs).toEqual([8, [8, 3]]);
  });

  describe('interception', () => {
    const rules = [rule({ action: { kind: 'pause' } })];

    it('sends the rules to every frame, and again to each document that starts', () => {
      const { router, intercepts, panel } = setup();
      const port = panel(1);
      port.deliver({ type: 'intercept-rules', tabId: 1, rules });
      expect(intercepts).toEqual([[1, undefined, interceptRulesCommand(rules)]]);
      router.fromRelay(1, 3, { type: 'document-start', url: 'https://page.test/frame' });
      expect(intercepts[1]).toEqual([1, 3, interceptRulesCommand(rules)]);
    });

    it('has the badge say when rules run on the tab, keeping its count', async () => {
      const { intercepting, badges, closes, panel } = setup();
      const port = panel(1);
      closes(1, [1006, false]);
      await vi.waitFor(() => expect(badges.get(1)).toBe(1));
      expect(intercepting.get(1)).toBe(false);
      port.deliver({ type: 'intercept-rules', tabId: 1, rules });
      await vi.waitFor(() => expect(intercepting.get(1)).toBe(true));
      expect(badges.get(1)).toBe(1);
      // Off, or invalid: nothing runs.
      port.deliver({
        type: 'intercept-rules',
        tabId: 1,
        rules: [rule({ url: { kind: 'regex', pattern: '(' } })],
      });
      await vi.waitFor(() => expect(intercepting.get(1)).toBe(false));
      port.deliver({ type: 'intercept-rules', tabId: 1, rules });
      await vi.waitFor(() => expect(intercepting.get(1)).toBe(true));
      port.disconnect();
      await vi.waitFor(() => expect(intercepting.get(1)).toBe(false));
    });

    it('hands a hold decision to its frame only', () => {
      const { intercepts, panel } = setup();
      const command = holdDecisionCommand('doc', 2, 'edit', 'new');
      panel(1).deliver({ type: 'hold-decision', tabId: 1, frameId: 4, command });
      expect(intercepts).toEqual([[1, 4, command]]);
    });

    it('turns interception off when the last panel closes, so nothing stays held', () => {
      const { router, intercepts, panel } = setup();
      const first = panel(1);
      const second = panel(1);
      first.deliver({ type: 'intercept-rules', tabId: 1, rules });
      first.disconnect();
      expect(intercepts).toHaveLength(1);
      second.disconnect();
      expect(intercepts[1]).toEqual([1, undefined, interceptRulesCommand([])]);
      router.fromRelay(1, 0, { type: 'document-start', url: 'https://page.test/' });
      expect(intercepts).toHaveLength(2);
    });
  });
});
