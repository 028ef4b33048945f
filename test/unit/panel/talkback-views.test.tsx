// @vitest-environment happy-dom
import '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/panel/app';
import { ModelContext } from '../../../src/panel/model/model-context';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { batch, ev } from '../event-builders';
import { MemoryExtensionStorage } from '../memory-extension-storage';
import { liveModel } from './model/model-harness';

/** The live panel on a page at https://app.test/, its socket 'd:1' open in frame 0. */
async function mount(extra: RecorderEvent[] = []) {
  const harness = liveModel({ extensionStorage: new MemoryExtensionStorage() });
  // A live timeline redraws for as long as a socket is open, which act() would wait on forever.
  harness.model.setPrefs({ showTimeline: false });
  const root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(
      <ModelContext.Provider value={harness.model}>
        <App />
      </ModelContext.Provider>,
      root,
    ),
  );
  const push = (events: RecorderEvent[]) =>
    act(() => {
      harness.port().deliver({ type: 'events', frameId: 0, batch: batch('d', events) });
      harness.frame();
    });
  await act(() => harness.port().deliver({ type: 'page', url: 'https://app.test/' }));
  await push([ev.created(1, 1), ev.open(1, 2), ...extra]);
  const $ = <E extends Element = HTMLElement>(css: string) => root.querySelector<E>(css);
  const button = (text: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text,
    );
  const click = (el: Element | null | undefined) =>
    act(() => {
      if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
      el.click();
    });
  const type = (el: HTMLInputElement | HTMLTextAreaElement | null, value: string) =>
    act(() => {
      if (!el) throw new Error('nothing to type in');
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  await click($('tr[data-socket-id="d:1"]'));
  return { ...harness, root, push, $, button, click, type };
}

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the Compose tab', () => {
  it('checks the draft as it is typed and sends only what can go out, to an open socket', async () => {
    const { $, button, click, type, port, push } = await mount();
    await click(button('Compose'));
    const select = $<HTMLSelectElement>('select[aria-label="Message format"]');
    await act(() => {
      select!.value = 'json';
      select!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type($('textarea.composer-body'), '{"type": ');
    expect($('.composer-check')?.textContent).toMatch(/^Not valid JSON/);
    expect($('textarea.composer-body')?.getAttribute('aria-invalid')).toBe('true');
    expect(button('Send as page')?.disabled).toBe(true);

    await type($('textarea.composer-body'), '{"type": "hello"}');
    expect($('.composer-check')?.textContent).toBe('17 B of text.');
    await click(button('Compact'));
    await click(button('Send as page'));
    expect(port().posted.at(-1)).toMatchObject({
      type: 'inject',
      command: { action: 'send', message: { kind: 'text', data: '{"type":"hello"}' } },
    });
    expect($('[role="status"]')?.textContent).toBe('Sent 16 bytes as the page.');

    await push([ev.closed(1, 3, 1000, true)]);
    expect(button('Inject as received')?.disabled).toBe(true);
    expect($('[data-testid="composer-closed"]')?.textContent).toContain('This socket is closed');
  });

  it('is not offered for an imported, read-only log', async () => {
    const { model, button } = await mount();
    expect(button('Compose')).toBeDefined();
    const file = model.exportAs('json', 'all', new Date());
    await act(() => model.openImport(file.name, file.text));
    const imported = model.imported.value?.model;
    if (!imported) throw new Error('not imported');
    const root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <ModelContext.Provider value={imported}>
          <App />
        </ModelContext.Provider>,
        root,
      ),
    );
    await act(() => root.querySelector<HTMLElement>('tr[data-socket-id]')?.click());
    const tabs = [...root.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
    expect(tabs).toEqual(['Close', 'Messages (0)']);
  });
});

describe('tester messages in the log', () => {
  it('are marked, and any message goes back to the composer to edit and resend', async () => {
    const { $, root, button, click, model } = await mount([
      ev.message(1, 3, 'from the page'),
      { ...ev.message(1, 4, '{"type":"injected"}'), tester: true },
    ]);
    await click(button('Messages (2)'));
    const rows = [...root.querySelectorAll('.message-row')];
    expect(rows.map((r) => r.classList.contains('tester'))).toEqual([false, true]);
    expect(rows[1]?.querySelector('.m-tester')?.textContent).toBe('⚑ tester');
    await click(rows[1]);
    expect($('.message-detail .by-tester')?.getAttribute('title')).toMatch(/^Injected by the tester/);
    await click(button('Edit and resend'));
    expect(model.detailsTab.value).toBe('compose');
    expect($<HTMLTextAreaElement>('textarea.composer-body')?.value).toBe('{"type":"injected"}');
  });
});

describe('saved messages', () => {
  it('save the draft under a name and send it in one click', async () => {
    const { $, button, click, type, port, model } = await mount();
    await click(button('Compose'));
    await type($('textarea.composer-body'), 'subscribe me');
    await click(button('Save…'));
    await type($('input[aria-label="Name of the saved message"]'), 'subscribe');
    await act(async () => {
      $('form.save-form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await vi.waitFor(() => expect(model.saved?.site.value).toHaveLength(1));
    });
    expect($('.saved-row .saved-name')?.textContent).toBe('subscribe');
    // The form is gone: the focus is back on the button that opened it, not lost to the page.
    expect(document.activeElement).toBe(button('Save…'));
    expect(button('Saved (1)')).toBeDefined();
    await click(button('Inject “subscribe” as received'));
    expect(port().posted.at(-1)).toMatchObject({
      command: { action: 'receive', message: { kind: 'text', data: 'subscribe me' } },
    });
  });
});

describe('the message filters', () => {
  it('collapse heartbeats into a count and say how many are hidden, and why', async () => {
    const { $, root, button, click, model } = await mount([
      ev.message(1, 3, '2'),
      ev.message(1, 4, '3', 'sent'),
      ev.message(1, 5, 'data'),
      ev.message(1, 6, 'noise'),
    ]);
    await click(button('Messages (4)'));
    expect($('[data-testid="hidden-count"]')).toBeNull();
    const heartbeats = [...root.querySelectorAll('.message-filters label')]
      .find((l) => l.textContent?.includes('Hide heartbeats'))
      ?.querySelector('input');
    await click(heartbeats);
    expect(model.logFilter.value.hideHeartbeats).toBe(true);
    await act(() => model.addHideRule('/^noise$/'));
    expect([...root.querySelectorAll('.message-row .m-preview')].map((r) => r.textContent)).toEqual(['data']);
    expect($('[data-testid="hidden-count"]')?.textContent).toBe(
      '1 of 4 shown · hidden: 2 heartbeats, 1 by hide rules',
    );
    await click(button('Stop hiding /^noise$/'));
    expect(model.prefs.value.hideRules).toEqual([]);
  });
});
