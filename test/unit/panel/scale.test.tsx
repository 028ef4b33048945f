// @vitest-environment happy-dom
import '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { summaryFromCreated } from '../../../src/protocol/summary-fold';
import { App } from '../../../src/panel/app';
import { ModelContext } from '../../../src/panel/model/model-context';
import { PanelModel } from '../../../src/panel/model/panel-model';
import type { SocketSummary } from '../../../src/protocol/socket-summary';
import { ev, snapshot } from '../event-builders';

const SOCKETS = Number(process.env.SCALE_SOCKETS ?? 200_000);
const ENDPOINTS = 200;

/** Sockets as a long Preserve-log session leaves them: 200 endpoints reconnecting, 1 in 50 dropped. */
function sockets(): SocketSummary[] {
  return Array.from({ length: SOCKETS }, (_, i) => {
    const n = i + 1;
    const created = {
      ...ev.created(n, n, `ws://app.test/ep${i % ENDPOINTS}?attempt=${n}`),
      t: 1_000_000 + i * 10,
    };
    const s = summaryFromCreated('d', created);
    const dropped = i % 50 === 0;
    return {
      ...s,
      openedAt: s.createdAt + 2,
      closedAt: s.createdAt + 8,
      state: 'closed',
      close: { code: dropped ? 1006 : 1000, reason: '', wasClean: !dropped, at: s.createdAt + 8 },
    };
  });
}

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
afterEach(() => {
  document.body.innerHTML = '';
});

// Not a speed test (the bench is): on a busy two-core machine it took 155 s.
describe('200,000 sockets in the log', () => {
  it('every view renders, with a bounded DOM', async () => {
    let frame: (() => void)[] = [];
    const model = new PanelModel({
      storage: { getItem: () => null, setItem: () => undefined },
      now: () => 5_000_000,
      schedule: (fn) => void frame.push(fn),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
    });
    const all = sockets();
    for (let i = 0; i < all.length; i += 500) {
      model.receive({ type: 'snapshot', frameId: 0, part: snapshot('d', SOCKETS, all.slice(i, i + 500)) });
    }
    const started = performance.now();
    frame.forEach((fn) => fn());
    frame = [];
    const applied = performance.now() - started;
    expect(model.log.value.sockets.size).toBe(SOCKETS);
    expect(model.log.value.stats.abnormal).toBe(SOCKETS / 50);

    const root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <ModelContext.Provider value={model}>
          <App />
        </ModelContext.Provider>,
        root,
      ),
    );
    expect(root.querySelector('.failed-area')).toBeNull();
    expect(root.querySelector('[data-testid="summary"]')?.textContent).toContain(
      `${SOCKETS.toLocaleString('en-US').replace(/,/g, '')} sockets`,
    );
    expect(root.querySelectorAll('tr[data-socket-id]').length).toBeLessThan(100);
    // The timeline: a lane per endpoint, at most a bar per pixel in each.
    const bars = root.querySelectorAll('.timeline g.bar').length;
    expect(root.querySelectorAll('.timeline .lane').length).toBeGreaterThan(0);
    expect(bars).toBeGreaterThan(0);
    expect(bars).toBeLessThan(50 * 1200);

    await act(() => model.setView('connections'));
    expect(root.querySelector('.failed-area')).toBeNull();
    expect(root.querySelectorAll('tr.group').length).toBe(ENDPOINTS);

    await act(() => model.setFilter({ abnormalOnly: true }));
    expect(model.visible.value.slots.length).toBe(SOCKETS / 50);
    console.info(`applying ${SOCKETS} sockets took ${applied.toFixed(0)} ms`);
  }, 600_000);
});
