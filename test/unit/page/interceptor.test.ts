import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageHistory } from '../../../src/page/page-history';
import { patchWebSocket } from '../../../src/page/recorder';
import {
  holdDecisionCommand,
  interceptRulesCommand,
  RELEASE_HELD,
} from '../../../src/protocol/intercept-command';
import type { InterceptRule } from '../../../src/protocol/intercept-rules';
import type { RecorderEvent } from '../../../src/protocol/recorder-events';
import { createFakeWindow, fakeNatives } from './fake-window';

import { rule } from '../intercept/rule-builder';

/** An open socket whose page listens with a capturing listener and onmessage-like bubbling one. */
function setup(url = 'ws://a.test/chat') {
  vi.useFakeTimers();
  const fake = createFakeWindow();
  const natives = fakeNatives(fake);
  const history = new PageHistory('doc', natives);
  const events: RecorderEvent[] = [];
  const control = patchWebSocket(fake.win, natives, history, { push: (e) => events.push(e) });
  const ws = new fake.win.WebSocket(url);
  const s = fake.sockets[0]!;
  s.open();
  const seen: unknown[] = [];
  const captured: unknown[] = [];
  ws.addEventListener('message', (e) => captured.push(e.data), true);
  ws.addEventListener('message', (e) => seen.push(e.data));
  const rules = (...r: InterceptRule[]) => control.intercept(interceptRulesCommand(r));
  const log = () =>
    history
      .messages()
      .map(({ dir, preview, intercept }) => ({ dir, preview, ...(intercept ? { intercept } : {}) }));
  const held = () => events.filter((e) => e.type === 'held');
  const decide = (hold: number, d: 'forward' | 'edit' | 'drop', text: string | null = null) =>
    control.intercept(holdDecisionCommand('doc', hold, d, text));
  return { fake, ws, s, seen, captured, rules, log, held, decide, events, control, history };
}

afterEach(() => vi.useRealTimers());

describe('interception of sent messages', () => {
  it('blocks before the wire and records the original as blocked', () => {
    const { ws, s, rules, log, history } = setup();
    rules(rule({ direction: 'sent', condition: { kind: 'contains', text: 'secret' } }));
    ws.send('hello');
    ws.send('a secret');
    ws.send('bye');
    expect(s.sent).toEqual(['hello', 'bye']);
    expect(history.summaryOf(1)).toMatchObject({ sent: { messages: 3 }, intercepted: 1 });
    expect(log()).toEqual([
      { dir: 'sent', preview: 'hello' },
      { dir: 'sent', preview: 'a secret', intercept: { rule: 'r', outcome: 'blocked', original: null } },
      { dir: 'sent', preview: 'bye' },
    ]);
  });

  it('rewrites what the server gets and records both texts', () => {
    const { ws, s, rules, log } = setup();
    rules(rule({ direction: 'sent', action: { kind: 'merge-patch', patch: '{"name":"bob"}' } }));
    ws.send('{"name":"alice","n":1}');
    expect(s.sent).toEqual(['{"name":"bob","n":1}']);
    expect(log()).toEqual([
      {
        dir: 'sent',
        preview: '{"name":"bob","n":1}',
        intercept: { rule: 'r', outcome: 'rewritten', original: '{"name":"alice","n":1}' },
      },
    ]);
  });

  it('delays, and later messages of the socket wait behind, in order', () => {
    const { ws, s, rules, log } = setup();
    rules(
      rule({
        direction: 'sent',
        condition: { kind: 'contains', text: 'slow' },
        action: { kind: 'delay', ms: 100 },
      }),
    );
    ws.send('slow 1');
    ws.send('fast 2');
    expect(s.sent).toEqual([]);
    vi.advanceTimersByTime(99);
    expect(s.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(s.sent).toEqual(['slow 1', 'fast 2']);
    expect(log().map((m) => m.intercept?.outcome ?? null)).toEqual(['delayed', null]);
  });

  it('sends a delayed binary message as it was when the page sent it', () => {
    const { ws, s, rules } = setup();
    rules(rule({ direction: 'sent', action: { kind: 'delay', ms: 10 } }));
    const bytes = new Uint8Array([1, 2, 3]);
    ws.send(bytes);
    bytes[0] = 9;
    vi.advanceTimersByTime(10);
    expect([...new Uint8Array(s.sent[0] as ArrayBuffer)]).toEqual([1, 2, 3]);
  });

  it('lets a rule-free socket and a connecting socket through untouched', () => {
    const { fake, ws, s, rules } = setup();
    rules(rule({ url: { kind: 'glob', pattern: 'ws://other/*' } }));
    ws.send('x');
    expect(s.sent).toEqual(['x']);
    const connecting = new fake.win.WebSocket('ws://other/a');
    // The browser's own exception, as without rules.
    expect(() => connecting.send('y')).toThrow();
  });
});

describe('interception of received messages', () => {
  it('rewrites what every listener of the page sees, and blocks others', () => {
    const { s, seen, captured, rules, log } = setup();
    rules(
      rule({ id: 'drop', direction: 'received', condition: { kind: 'contains', text: 'ad' } }),
      rule({ id: 'rw', direction: 'received', action: { kind: 'replace', find: 'cat', replace: 'dog' } }),
    );
    s.receive('a cat');
    s.receive('an ad');
    s.receive('plain');
    expect(seen).toEqual(['a dog', 'plain']);
    expect(captured).toEqual(['a dog', 'plain']);
    expect(log()).toEqual([
      {
        dir: 'received',
        preview: 'a dog',
        intercept: { rule: 'rw', outcome: 'rewritten', original: 'a cat' },
      },
      { dir: 'received', preview: 'an ad', intercept: { rule: 'drop', outcome: 'blocked', original: null } },
      { dir: 'received', preview: 'plain' },
    ]);
  });

  it('delays a received message and keeps the ones after it behind', () => {
    const { s, seen, rules } = setup();
    rules(
      rule({
        direction: 'received',
        condition: { kind: 'contains', text: '1' },
        action: { kind: 'delay', ms: 50 },
      }),
    );
    s.receive('1');
    s.receive('2');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(seen).toEqual(['1', '2']);
  });
});

describe('breakpoints', () => {
  it('holds a message for the panel, with later ones behind it, until edited and forwarded', () => {
    const { ws, s, rules, held, decide, log } = setup();
    rules(
      rule({ direction: 'sent', condition: { kind: 'contains', text: 'pause' }, action: { kind: 'pause' } }),
    );
    ws.send('pause me');
    ws.send('then me');
    expect(s.sent).toEqual([]);
    expect(held()).toEqual([
      expect.objectContaining({ type: 'held', hold: 1, dir: 'sent', rule: 'r', text: 'pause me', socket: 1 }),
    ]);
    decide(1, 'edit', 'edited');
    expect(s.sent).toEqual(['edited', 'then me']);
    expect(log()).toEqual([
      { dir: 'sent', preview: 'edited', intercept: { rule: 'r', outcome: 'edited', original: 'pause me' } },
      { dir: 'sent', preview: 'then me' },
    ]);
  });

  it('drops a held received message, and a decision for another document changes nothing', () => {
    const { s, seen, rules, decide, control, log } = setup();
    rules(rule({ direction: 'received', action: { kind: 'pause' } }));
    s.receive('x');
    control.intercept(holdDecisionCommand('other', 1, 'drop', null));
    decide(1, 'drop');
    expect(seen).toEqual([]);
    expect(log()).toEqual([
      { dir: 'received', preview: 'x', intercept: { rule: 'r', outcome: 'dropped', original: null } },
    ]);
  });

  it('releases every held message, in order, when nobody is left to decide', () => {
    const { s, seen, rules, control, events } = setup();
    rules(rule({ direction: 'received', action: { kind: 'pause' } }));
    s.receive('a');
    s.receive('b');
    expect(seen).toEqual([]);
    control.intercept(RELEASE_HELD);
    expect(seen).toEqual(['a', 'b']);
    expect(events.filter((e) => e.type === 'released').map((e) => e.type === 'released' && e.hold)).toEqual([
      1, 2,
    ]);
  });

  it('lets go of what is held when the rules are turned off', () => {
    const { ws, s, rules } = setup();
    rules(rule({ direction: 'sent', action: { kind: 'pause' } }));
    ws.send('held');
    rules(rule({ enabled: false }));
    expect(s.sent).toEqual(['held']);
    ws.send('free');
    expect(s.sent).toEqual(['held', 'free']);
  });

  it('drops a held message whose socket closed meanwhile, and says so', () => {
    const { ws, s, rules, decide, log } = setup();
    rules(rule({ direction: 'sent', action: { kind: 'pause' } }));
    ws.send('late');
    ws.close();
    decide(1, 'forward');
    expect(s.sent).toEqual([]);
    expect(log()[0]?.intercept?.outcome).toBe('dropped');
  });
});

describe('invalid rules', () => {
  it('change nothing', () => {
    const { ws, s, rules } = setup();
    rules(rule({ url: { kind: 'regex', pattern: '(' } }));
    ws.send('x');
    expect(s.sent).toEqual(['x']);
  });
});
