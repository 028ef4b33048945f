// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../src/panel/app';
import { LogStore } from '../../../src/log/log-store';
import { batch, ev } from '../event-builders';

const HOSTILE = '<img src=x onerror="window.pwned=1">';

function mount() {
  const store = new LogStore();
  const root = document.createElement('div');
  document.body.append(root);
  void act(() =>
    render(
      <App
        store={store}
        link={null}
        source="tab 1"
        storage={{ getItem: () => null, setItem: () => undefined }}
      />,
      root,
    ),
  );
  const push = (events: Parameters<typeof batch>[1], frameId = 0) =>
    void act(() => {
      store.apply({ type: 'events', frameId, batch: batch('d', events) });
    });
  const flush = () => act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
  return { store, root, push, flush };
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
    expect(root.querySelector('tr[data-socket-id="d:2"]')!.className).toContain('tone-abnormal-1006');
    expect(cell(root, 'd:2', 'explanation')).toMatch(/dropped after opening/);
    expect(root.querySelector('[data-testid="summary"]')!.textContent).toContain('1 abnormal');
  });

  it('renders hostile URLs and reasons as inert text', async () => {
    const { root, push, flush } = mount();
    push([ev.created(1, 1, `ws://x.test/?q=${HOSTILE}`), ev.closed(1, 2, 4000, true, HOSTILE)]);
    await flush();
    expect(root.querySelector('img')).toBeNull();
    expect(cell(root, 'd:1', 'reason')).toBe(HOSTILE);
    (root.querySelector('tr[data-socket-id="d:1"]') as HTMLElement).click();
    await flush();
    expect(root.querySelector('.details')!.textContent).toContain(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows the full explanation of the selected socket and marks subframe sockets', async () => {
    const { root, push, flush } = mount();
    push([ev.created(1, 1), ev.error(1, 2), ev.closed(1, 3, 1006, false)], 4);
    await flush();
    (root.querySelector('tr[data-socket-id="d:1"]') as HTMLElement).click();
    await flush();
    const details = root.querySelector('.details')!.textContent;
    expect(details).toMatch(/never opened/);
    expect(details).toContain('What to check');
    expect(root.querySelector('.frame-tag')!.textContent).toBe('iframe');
  });

  it('counts malformed page messages it was told about', async () => {
    const { root, store, flush } = mount();
    void act(() => store.apply({ type: 'rejected', count: 2000, lastError: 'not JSON' }));
    await flush();
    expect(root.querySelector('[data-testid="rejected"]')!.textContent).toContain('2000');
  });
});

describe('App in a hidden document', () => {
  it('catches up with its store without animation frames', async () => {
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
