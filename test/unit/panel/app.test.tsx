// @vitest-environment happy-dom
import '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame } from '../../../src/panel/frame-scheduler';
import { PanelModel } from '../../../src/panel/model/panel-model';
import { App } from '../../../src/panel/app';
import { ModelContext } from '../../../src/panel/model/model-context';
import type { PanelMessage } from '../../../src/protocol/runtime-messages';
import { batch, ev } from '../event-builders';

const HOSTILE = '<img src=x onerror="window.pwned=1">';

/** A panel without a tab, whose log the test fills as the background would. */
function mount() {
  const model = new PanelModel({
    storage: { getItem: () => null, setItem: () => undefined },
    now: () => Date.now(),
    schedule: nextFrame,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  });
  const root = document.createElement('div');
  document.body.append(root);
  void act(() =>
    render(
      <ModelContext.Provider value={model}>
        <App />
      </ModelContext.Provider>,
      root,
    ),
  );
  const send = (m: PanelMessage) => void act(() => model.receive(m));
  const push = (events: Parameters<typeof batch>[1], frameId = 0) =>
    send({ type: 'events', frameId, batch: batch('d', events) });
  const flush = () => act(() => new Promise((r) => nextFrame(() => r(undefined))));
  return { model, root, push, send, flush };
}

const cell = (root: HTMLElement, id: string, col: string) =>
  root.querySelector(`tr[data-socket-id="${id}"] [data-col="${col}"]`)?.textContent;

// happy-dom lays nothing out; the virtual lists need their scroll boxes to have a size.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('App', () => {
  it('lists sockets with their close, and makes abnormal closes stand out with words, not only colour', async () => {
    const { root, push, flush } = mount();
    push([
      ev.created(1, 1),
      ev.open(1, 2),
      ev.closed(1, 3, 1000, true, 'done'),
      ev.created(2, 4),
      ev.open(2, 5),
      ev.closed(2, 6, 1006, false),
    ]);
    await flush();
    expect(cell(root, 'd:1', 'name')).toBe('Normal Closure');
    expect(cell(root, 'd:1', 'reason')).toBe('done');
    expect(cell(root, 'd:2', 'code')).toContain('abnormal');
    expect(root.querySelector('tr[data-socket-id="d:2"]')?.className).toContain('tone-abnormal-1006');
    expect(cell(root, 'd:2', 'explanation')).toMatch(/dropped after opening/);
    expect(root.querySelector('[data-testid="summary"]')?.textContent).toContain('1 abnormal');
  });

  it('renders hostile URLs and reasons as inert text', async () => {
    const { root, push, flush } = mount();
    push([ev.created(1, 1, `ws://x.test/?q=${HOSTILE}`), ev.closed(1, 2, 4000, true, HOSTILE)]);
    await flush();
    expect(root.querySelector('img')).toBeNull();
    expect(cell(root, 'd:1', 'reason')).toBe(HOSTILE);
    root.querySelector<HTMLElement>('tr[data-socket-id="d:1"]')?.click();
    await flush();
    expect(root.querySelector('.details')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows the full explanation of the selected socket and marks subframe sockets', async () => {
    const { root, push, flush } = mount();
    push([ev.created(1, 1), ev.error(1, 2), ev.closed(1, 3, 1006, false)], 4);
    await flush();
    root.querySelector<HTMLElement>('tr[data-socket-id="d:1"]')?.click();
    await flush();
    const details = root.querySelector('.details')?.textContent;
    expect(details).toMatch(/never opened/);
    expect(details).toContain('What to check');
    expect(root.querySelector('.frame-tag')?.textContent).toBe('iframe');
  });

  it('makes the timeline no taller than its lanes, under the height it was given', async () => {
    const { root, push, flush } = mount();
    push([
      ev.created(1, 1, 'ws://a.test/one'),
      ev.closed(1, 2, 1000, true, ''),
      ev.created(2, 3, 'ws://a.test/two'),
      ev.closed(2, 4, 1000, true, ''),
    ]);
    await flush();
    // The axis row (19 px) and two lanes of 20, not the 140 px of the default height.
    expect(root.querySelector<HTMLElement>('.timeline-area')?.style.height).toBe('59px');
  });

  it('counts malformed page messages it was told about', async () => {
    const { root, send, flush } = mount();
    send({ type: 'rejected', count: 2000, lastError: 'not JSON' });
    await flush();
    expect(root.querySelector('[data-testid="rejected"]')?.textContent).toContain('2000');
  });

  it('keeps working when one part fails, and offers the diagnostics', async () => {
    const { root, model, push, flush } = mount();
    push([ev.created(1, 1), ev.closed(1, 2, 1000)]);
    await flush();
    // A view that throws: the timeline, given a log whose socket table breaks on reading.
    const log = model.log.value;
    const broken = Object.create(log.sockets) as typeof log.sockets;
    broken.byId = () => {
      throw new Error('boom');
    };
    void act(() => {
      model.log.value = { ...log, sockets: broken, version: log.version + 1000 };
    });
    await flush();
    expect(root.querySelector('.failed-area')?.textContent).toContain('timeline');
    expect(root.querySelector('.failed-area')?.textContent).toContain('boom');
    expect(cell(root, 'd:1', 'code')).toContain('1000');
    expect(root.querySelector('[data-testid="diagnostics"]')?.textContent).toContain('Copy diagnostics');
  });
});

describe('App in a hidden document', () => {
  it('catches up with what arrives without animation frames', async () => {
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden');
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0; // a hidden document runs none
    try {
      const { root, push } = mount();
      push([ev.created(1, 1), ev.open(1, 2), ev.closed(1, 3, 1006, false)]);
      await act(() => new Promise((r) => setTimeout(r, 400)));
      expect(cell(root, 'd:1', 'code')).toContain('1006');
    } finally {
      window.requestAnimationFrame = raf;
      if (hidden) delete (document as { hidden?: boolean }).hidden;
    }
  });
});
