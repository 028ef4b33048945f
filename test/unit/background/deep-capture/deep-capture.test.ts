import { describe, expect, it } from 'vitest';
import { DeepCapture } from '../../../../src/background/deep-capture/deep-capture';
import type { WorkerRef } from '../../../../src/background/deep-capture/deep-capture';
import type { DeepCaptureState, WireReport } from '../../../../src/protocol/deep-capture';
import { WORKER_BINDING } from '../../../../src/protocol/envelope';
import { SYNC_REQUEST } from '../../../../src/protocol/sync-request';
import { FakeCdp, settle } from './fake-cdp';

const RECORDER = '/* the worker recorder */';

function setup() {
  const cdp = new FakeCdp();
  const data: [number, WorkerRef, string][] = [];
  const wire: [number, WireReport][] = [];
  const states: [number, DeepCaptureState][] = [];
  const persisted: (readonly number[])[] = [];
  let scans = 0;
  let scanning: (() => void) | null = null;
  const deep = new DeepCapture({
    cdp,
    recorder: () => Promise.resolve(RECORDER),
    pageData: (tabId, from, d) => data.push([tabId, from, d]),
    wire: (tabId, r) => wire.push([tabId, r]),
    state: (tabId, s) => states.push([tabId, s]),
    persist: (tabs) => persisted.push(tabs),
    every: (fn) => {
      scans++;
      scanning = fn;
      return () => (scanning = null);
    },
    now: () => 1000,
  });
  const lastState = (tabId: number) => states.filter(([t]) => t === tabId).at(-1)?.[1];
  return {
    cdp,
    deep,
    data,
    wire,
    states,
    persisted,
    lastState,
    scans: () => scans,
    scan: () => scanning?.(),
  };
}

const attachedToTarget = (sessionId: string, type: string, url: string, waiting: boolean) => ({
  sessionId,
  targetInfo: { targetId: `t-${sessionId}`, type, url },
  waitingForDebugger: waiting,
});

/** Deep capture on for tab 7, which has one dedicated worker, held at start, as session w1. */
async function startWithWorker(deep: ReturnType<typeof setup>['deep']): Promise<void> {
  await deep.start(7);
  deep.event(
    { tabId: 7 },
    'Target.attachedToTarget',
    attachedToTarget('w1', 'worker', 'http://a.test/w.js', true),
  );
  await settle();
}

describe('DeepCapture', () => {
  it('attaches to the tab and auto-attaches, paused at start, to its workers', async () => {
    const { cdp, deep, lastState, persisted } = setup();
    await deep.start(7);
    expect(cdp.attached).toEqual([{ tabId: 7 }]);
    expect(cdp.sent.map((c) => [c.method, c.params])).toEqual([
      ['Network.enable', undefined],
      ['Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }],
    ]);
    expect(lastState(7)).toEqual({ on: true, workers: [], reason: null });
    expect(persisted.at(-1)).toEqual([7]);
    expect(deep.isOn(7)).toBe(true);
  });

  it('installs the recorder in a new worker before letting its script run', async () => {
    const { cdp, deep, lastState } = setup();
    await startWithWorker(deep);
    expect(cdp.methodsFor({ sessionId: 'w1' })).toEqual([
      'Runtime.addBinding',
      'Runtime.evaluate',
      'Runtime.evaluate',
      'Runtime.runIfWaitingForDebugger',
      'Runtime.callFunctionOn',
      'Network.enable',
      'Target.setAutoAttach',
    ]);
    const [binding, evaluate, , , sync] = cdp.sent.filter((c) => c.session.sessionId === 'w1');
    expect(binding?.params).toEqual({ name: WORKER_BINDING });
    expect(binding?.session).toEqual({ tabId: 7, sessionId: 'w1' });
    expect(evaluate?.params).toEqual({ expression: RECORDER, silent: true });
    // The recorder streams live from the start: it was asked for its (empty) history.
    expect(sync?.params?.arguments).toEqual([{ value: JSON.stringify(SYNC_REQUEST) }]);
    expect(lastState(7)?.workers).toEqual([{ kind: 'dedicated', url: 'http://a.test/w.js' }]);
  });

  it('names a worker to the panel only once its recorder is in and its network watched', async () => {
    const { cdp, deep, lastState } = setup();
    await deep.start(7);
    deep.event(
      { tabId: 7 },
      'Target.attachedToTarget',
      attachedToTarget('w1', 'worker', 'http://a.test/w.js', false),
    );
    // Another publish (here a second start) while the recorder is on its way must not name it: a
    // test that started the worker's sockets on seeing it named lost them on a CI machine.
    await deep.start(7);
    expect(cdp.methodsFor({ sessionId: 'w1' })).toEqual([]);
    expect(lastState(7)?.workers).toEqual([]);
    await settle();
    expect(lastState(7)?.workers).toEqual([{ kind: 'dedicated', url: 'http://a.test/w.js' }]);
  });

  it('does not hold a worker that was already running, and lets an out-of-process frame run unrecorded', async () => {
    const { cdp, deep, lastState } = setup();
    await deep.start(7);
    deep.event(
      { tabId: 7 },
      'Target.attachedToTarget',
      attachedToTarget('s1', 'service_worker', 'http://a.test/sw.js', false),
    );
    deep.event(
      { tabId: 7 },
      'Target.attachedToTarget',
      attachedToTarget('f1', 'iframe', 'http://b.test/', true),
    );
    await settle();
    expect(cdp.methodsFor({ sessionId: 's1' })).not.toContain('Runtime.runIfWaitingForDebugger');
    expect(cdp.methodsFor({ sessionId: 's1' })).toContain('Runtime.addBinding');
    expect(cdp.methodsFor({ sessionId: 'f1' })).toEqual([
      'Runtime.runIfWaitingForDebugger',
      'Network.enable',
      'Target.setAutoAttach',
    ]);
    expect(lastState(7)?.workers).toEqual([{ kind: 'service', url: 'http://a.test/sw.js' }]);
  });

  it('hands a worker recorder’s strings to the tab, naming the worker, and nothing else', async () => {
    const { deep, data } = setup();
    await startWithWorker(deep);
    deep.event({ tabId: 7, sessionId: 'w1' }, 'Runtime.bindingCalled', {
      name: WORKER_BINDING,
      payload: 'page string',
    });
    deep.event({ tabId: 7, sessionId: 'w1' }, 'Runtime.bindingCalled', { name: 'someoneElse', payload: 'x' });
    deep.event({ tabId: 7 }, 'Runtime.bindingCalled', {
      name: WORKER_BINDING,
      payload: 'from the page itself',
    });
    deep.event({ tabId: 7, sessionId: 'unknown' }, 'Runtime.bindingCalled', {
      name: WORKER_BINDING,
      payload: 'x',
    });
    expect(data).toEqual([
      [7, { key: 'session:w1', worker: { kind: 'dedicated', url: 'http://a.test/w.js' } }, 'page string'],
    ]);
  });

  it('reports a refused upgrade and a broken close frame, from the Network events of any session', async () => {
    const { deep, wire } = setup();
    await deep.start(7);
    deep.event({ tabId: 7 }, 'Network.webSocketCreated', { requestId: 'r1', url: 'ws://a.test/403' });
    deep.event({ tabId: 7 }, 'Network.webSocketFrameError', {
      requestId: 'r1',
      errorMessage: 'Error during WebSocket handshake: Unexpected response code: 403',
    });
    deep.event({ tabId: 7 }, 'Network.webSocketCreated', { requestId: 'r2', url: 'ws://a.test/raw' });
    deep.event({ tabId: 7 }, 'Network.webSocketHandshakeResponseReceived', {
      requestId: 'r2',
      response: { status: 101, statusText: 'Switching Protocols', headers: {} },
    });
    deep.event({ tabId: 7 }, 'Network.webSocketFrameError', {
      requestId: 'r2',
      errorMessage: 'Received a broken close frame containing a reserved status code.',
    });
    deep.event({ tabId: 7 }, 'Network.webSocketClosed', { requestId: 'r2' });
    deep.event({ tabId: 7 }, 'Network.webSocketFrameError', { requestId: 'r2', errorMessage: 'after close' });
    // Chromium 156.0.8078.108's refused upgrade: an empty message says nothing the page did not see.
    deep.event({ tabId: 7 }, 'Network.webSocketCreated', { requestId: 'r3', url: 'ws://a.test/401' });
    deep.event({ tabId: 7 }, 'Network.webSocketFrameError', { requestId: 'r3', errorMessage: '' });
    expect(wire.map(([tab, r]) => [tab, r.url, r.statusCode, r.error])).toEqual([
      [7, 'ws://a.test/403', 403, 'Error during WebSocket handshake: Unexpected response code: 403'],
      [7, 'ws://a.test/raw', null, 'Received a broken close frame containing a reserved status code.'],
    ]);
  });

  it('keeps the status line and headers of a refused upgrade when Chromium sends them', async () => {
    const { deep, wire } = setup();
    await deep.start(7);
    deep.event({ tabId: 7 }, 'Network.webSocketCreated', { requestId: 'r1', url: 'ws://a.test/' });
    deep.event({ tabId: 7 }, 'Network.webSocketHandshakeResponseReceived', {
      requestId: 'r1',
      response: { status: 401, statusText: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } },
    });
    expect(wire[0]?.[1]).toMatchObject({
      statusCode: 401,
      statusText: 'Unauthorized',
      headers: [{ name: 'WWW-Authenticate', value: 'Bearer' }],
    });
  });

  it('finds shared workers of the tab’s origin, attaches each once and shares it between tabs', async () => {
    const { cdp, deep, data, lastState, scans, scan } = setup();
    cdp.list = [
      { id: 'p7', type: 'page', url: 'http://a.test/app', attached: true, tabId: 7 },
      { id: 'p8', type: 'page', url: 'http://a.test/other', attached: false, tabId: 8 },
      { id: 'sh', type: 'worker', url: 'http://a.test/shared.js', attached: false },
      { id: 'sw', type: 'worker', url: 'http://a.test/sw.js', attached: false },
      { id: 'elsewhere', type: 'worker', url: 'http://b.test/shared.js', attached: false },
      { id: 'ours', type: 'worker', url: 'chrome-extension://abc/service-worker.js', attached: true },
    ];
    cdp.types.set('sh', 'shared_worker');
    cdp.types.set('sw', 'service_worker');
    await deep.start(7);
    await settle();
    expect(cdp.attached).toEqual([{ tabId: 7 }, { targetId: 'sh' }, { targetId: 'sw' }]);
    // A service worker that auto-attach did not bring is not serving this tab: let go, for good.
    expect(cdp.detached).toEqual([{ targetId: 'sw' }]);
    expect(cdp.methodsFor({ targetId: 'sh' })).toContain('Runtime.addBinding');
    expect(lastState(7)?.workers).toEqual([{ kind: 'shared', url: 'http://a.test/shared.js' }]);

    cdp.list = cdp.list.map((t) => (t.id === 'sh' ? { ...t, attached: true } : t));
    await deep.start(8);
    await settle();
    expect(scans()).toBe(1);
    expect(cdp.attached).toHaveLength(4);
    expect(lastState(8)?.workers).toEqual([{ kind: 'shared', url: 'http://a.test/shared.js' }]);
    deep.event({ targetId: 'sh' }, 'Runtime.bindingCalled', { name: WORKER_BINDING, payload: 'p' });
    expect(data.map(([tab]) => tab)).toEqual([7, 8]);

    scan();
    await settle();
    expect(cdp.attached).toHaveLength(4);

    // One tab off: the shared worker stays for the other; both off: it is let go.
    await deep.stop(7);
    expect(cdp.detached).toEqual([{ targetId: 'sw' }, { tabId: 7 }]);
    await deep.stop(8);
    expect(cdp.detached).toEqual([{ targetId: 'sw' }, { tabId: 7 }, { targetId: 'sh' }, { tabId: 8 }]);
    expect(lastState(8)).toEqual({ on: false, workers: [], reason: null });
  });

  it('turns off with the reason when Chrome detaches it, and says why it could not start', async () => {
    const { cdp, deep, lastState, persisted } = setup();
    await deep.start(7);
    deep.detached({ tabId: 7 }, 'canceled_by_user');
    await settle();
    expect(lastState(7)?.on).toBe(false);
    expect(lastState(7)?.reason).toMatch(/Cancel was clicked/);
    expect(cdp.detached).toEqual([]);
    expect(persisted.at(-1)).toEqual([]);

    cdp.refuse = 'Another debugger is already attached to the tab with id: 9.';
    await deep.start(9);
    expect(lastState(9)).toEqual({
      on: false,
      workers: [],
      reason: 'Deep capture could not start: Another debugger is already attached to the tab with id: 9..',
    });
  });

  it('keeps why it went off until it is turned on again', async () => {
    const { deep, lastState } = setup();
    await deep.start(7);
    deep.detached({ tabId: 7 }, 'target_closed');
    await settle();
    expect(lastState(7)).toMatchObject({ on: false, reason: 'Deep capture went off: the tab went away.' });
    // A stop that finds it off already says nothing new.
    await deep.stop(7);
    expect(lastState(7)).toMatchObject({ on: false, reason: 'Deep capture went off: the tab went away.' });
    await deep.start(7);
    expect(lastState(7)).toMatchObject({ on: true, reason: null });
    await deep.stop(7);
    expect(lastState(7)).toMatchObject({ on: false, reason: null });
  });

  it('drops a worker whose session ended', async () => {
    const { deep, lastState } = setup();
    await startWithWorker(deep);
    deep.event({ tabId: 7 }, 'Target.detachedFromTarget', { sessionId: 'w1' });
    expect(lastState(7)?.workers).toEqual([]);
  });

  it('asks the worker recorders for their history, and hands them fault controls', async () => {
    const { cdp, deep } = setup();
    await startWithWorker(deep);
    const before = cdp.sent.length;
    deep.sync(7);
    const command = { source: 'x', type: 'inject', doc: 'd', socket: 1, action: 'drop' } as never;
    deep.inject('session:w1', command);
    deep.inject('session:gone', command);
    await settle();
    expect(cdp.sent.slice(before).map((c) => [c.method, c.params?.arguments])).toEqual([
      ['Runtime.callFunctionOn', [{ value: JSON.stringify(SYNC_REQUEST) }]],
      ['Runtime.callFunctionOn', [{ value: JSON.stringify(command) }]],
    ]);
  });

  it('lets go of tabs a stopped service worker had on, and tells their panels why', async () => {
    const { cdp, deep, lastState } = setup();
    await deep.forget([3]);
    expect(cdp.detached).toEqual([{ tabId: 3 }]);
    expect(lastState(3)?.reason).toMatch(/service worker was restarted/);
    expect(deep.stateOf(3).on).toBe(false);
  });
});
