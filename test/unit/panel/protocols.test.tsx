// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame } from '../../../src/panel/frame-scheduler';
import { PanelModel } from '../../../src/panel/model/panel-model';
import { App } from '../../../src/panel/app';
import { ModelContext } from '../../../src/panel/model/model-context';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { batch, ev } from '../event-builders';
import { captureEvents } from '../log/app-protocols/capture-events';
import type { Capture } from '../protocols/captures';

const HOSTILE = '<img src=x onerror="window.pwned=1">';

/** The panel of a fresh live model, or of `shown` (an imported file's). */
function mount(shown?: PanelModel) {
  const saved = new Map<string, string>();
  const model =
    shown ??
    new PanelModel({
      storage: { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) },
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
  const push = (events: RecorderEvent[]) =>
    void act(() => model.receive({ type: 'events', frameId: 0, batch: batch('d', events) }));
  const flush = () => act(() => new Promise((r) => nextFrame(() => r(undefined))));
  const click = async (el: Element | null | undefined) => {
    if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
    el.click();
    await flush();
  };
  return { model, root, push, flush, click, saved };
}

const cell = (root: HTMLElement, id: string, col: string) =>
  root.querySelector(`tr[data-socket-id="${id}"] [data-col="${col}"]`)?.textContent;
/** The Close tab's protocol line and what the application said. */
const appSide = (root: HTMLElement) => ({
  protocol: root.querySelector('[data-testid="app-protocol"]')?.textContent,
  said: root.querySelector('[data-testid="app-said"]')?.textContent,
  goodbye: root.querySelector('[data-testid="app-goodbye"]')?.textContent,
});
const texts = (root: HTMLElement, css: string) => [...root.querySelectorAll(css)].map((e) => e.textContent);

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1400 });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the panel with application protocols', () => {
  it('names the protocol in the table, and a protocol close code as the protocol means it', async () => {
    const { root, push, flush } = mount();
    push([
      { ...ev.created(1, 1, 'ws://h/graphql'), protocols: ['graphql-transport-ws'] },
      { ...ev.open(1, 2), protocol: 'graphql-transport-ws' },
      ev.closed(1, 3, 4401, true, 'Unauthorized'),
      ev.created(2, 4, 'ws://h/plain'),
      ev.closed(2, 5, 4401, true, 'Unauthorized'),
    ]);
    await flush();
    expect(cell(root, 'd:1', 'protocol')).toBe('GraphQL WS');
    expect(cell(root, 'd:1', 'name')).toBe('Unauthorized');
    expect(cell(root, 'd:1', 'explanation')).toMatch(/^Server closed with 4401 Unauthorized \(GraphQL WS\)/);
    expect(cell(root, 'd:2', 'protocol')).toBe('');
    expect(cell(root, 'd:2', 'name')).toBe('Private use');
  });

  it('puts what the application said beside what the browser reported, and decodes the log', async () => {
    // Read from the working directory: happy-dom gives modules no file URL to resolve against.
    const capture: Capture = JSON.parse(readFileSync('test/fixtures/captures/mqtt.json', 'utf8'));
    const takenOver = capture.sockets[2];
    if (!takenOver) throw new Error('no MQTT 5 socket in the capture');
    const { root, push, flush, click, model } = mount();
    push(captureEvents(takenOver, 1));
    await flush();
    await click(root.querySelector('tr[data-socket-id="d:1"]'));
    const { protocol, said, goodbye } = appSide(root);
    expect(protocol).toContain('MQTT (negotiated subprotocol mqtt)');
    expect(said).toContain('From the server');
    expect(goodbye).toBe('DISCONNECT 0x8E Session taken over "Session taken over"');
    expect(said).toContain('another connection with the same Client Identifier');
    expect(root.querySelector('[aria-label="What the browser reported"]')?.textContent).toContain('1005');

    // "Show message" opens the log at that message, with its decoded detail.
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Show message'));
    expect(model.detailsTab.value).toBe('messages');
    const decoded = texts(root, '.message-row .m-decoded');
    expect(decoded[0]).toMatch(/^CONNECT MQTT 5\.0/);
    expect(decoded).toContain('SUBSCRIBE sensors/# QoS 1');
    expect(decoded.at(-1)).toBe('goodbyeDISCONNECT 0x8E Session taken over "Session taken over"');
    expect(root.querySelector('[data-testid="decoded-summary"]')?.textContent).toBe(
      'DISCONNECT 0x8E Session taken over "Session taken over"',
    );
    expect(root.querySelector('.decoded-detail [role="tree"]')).not.toBeNull();

    // The filter by decoded type or event name.
    void act(() => model.setMessageFilter('publish'));
    await flush();
    expect(texts(root, '.message-row .m-decoded').every((t) => t?.startsWith('PUBLISH'))).toBe(true);
    expect(root.querySelector('[data-testid="match-note"]')?.textContent).toContain(
      'decode to a type or event with “publish”',
    );
  });

  it('shows an imported file’s goodbye when the file holds no messages to find it in', async () => {
    const live = mount();
    live.push([
      ev.created(1, 1, 'ws://h/socket.io/?EIO=4&transport=websocket'),
      ev.open(1, 2),
      ev.message(1, 3, '41', 'received'),
      ev.closed(1, 4, 1005, true),
    ]);
    await live.flush();
    live.model.openImport('log.json', live.model.exportAs('json', 'all', new Date()).text);
    const { root, click } = mount(live.model.imported.value!.model);
    await click(root.querySelector('tr[data-socket-id]'));
    const { protocol, said, goodbye } = appSide(root);
    expect(protocol).toContain('Socket.IO (as the imported file says: by its URL)');
    expect(said).toContain('As the imported file says');
    expect(goodbye).toBe('DISCONNECT "io server disconnect"');
    expect(said).toContain('The server disconnected this client');
  });

  it('decodes an endpoint as the user says, for its later sockets too, and remembers it', async () => {
    const { root, push, flush, model, saved } = mount();
    // Closed sockets only: a live one keeps the panel's clock ticking, which act() waits out.
    push([
      ev.created(1, 1, 'ws://h/feed?x=1'),
      ev.open(1, 2),
      ev.message(1, 3, '{"type":"welcome"}'),
      ev.closed(1, 4),
    ]);
    await flush();
    expect(cell(root, 'd:1', 'protocol')).toBe('Action Cable');
    const s = model.log.value.sockets.byId('d:1');
    if (!s) throw new Error('no socket');
    void act(() => model.decodeAs(s, 'none'));
    await flush();
    expect(cell(root, 'd:1', 'protocol')).toBe('');
    void act(() => model.decodeAs(s, 'phoenix'));
    push([ev.created(2, 5, 'ws://h/feed?x=2'), ev.closed(2, 6, 1006, false)]);
    await flush();
    expect(cell(root, 'd:2', 'protocol')).toBe('Phoenix');
    expect(root.querySelector('tr[data-socket-id="d:2"] .protocol-chosen')).not.toBeNull();
    expect(JSON.parse(saved.values().next().value ?? '{}').decodeAs).toEqual({ 'ws://h/feed': 'phoenix' });
  });

  it('renders decoded text from the page as inert text', async () => {
    const { root, push, flush, click } = mount();
    push([
      ev.created(1, 1, 'ws://h/socket.io/?EIO=4&transport=websocket'),
      ev.open(1, 2),
      ev.message(1, 3, `42["${HOSTILE.replace(/"/g, '\\"')}",{"x":"${HOSTILE.replace(/"/g, '\\"')}"}]`),
      ev.closed(1, 4),
    ]);
    await flush();
    await click(root.querySelector('tr[data-socket-id="d:1"]'));
    await click(
      [...root.querySelectorAll('[role="tab"]')].find((t) => t.textContent?.startsWith('Messages')),
    );
    await click(root.querySelector('.message-row'));
    expect(root.querySelector('.m-decoded')?.textContent).toBe(`event ${HOSTILE}`);
    expect(root.querySelector('.decoded-detail')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
  });
});
