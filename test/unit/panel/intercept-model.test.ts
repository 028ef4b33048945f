import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { InterceptModel } from '../../../src/panel/model/intercept-model';
import type { InterceptCommand } from '../../../src/protocol/intercept-command';
import type { InterceptRule } from '../../../src/protocol/intercept-rules';
import { BRAND, PROTOCOL_VERSION } from '../../../src/protocol/envelope';
import { rule as baseRule } from '../intercept/rule-builder';
import { MemoryExtensionStorage } from '../memory-extension-storage';

const rule = (id: string, over: Partial<InterceptRule> = {}) => baseRule({ id, direction: 'sent', ...over });

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(storage = new MemoryExtensionStorage(), url = 'https://site.test/app') {
  const pageUrl = signal<string | null>(url);
  const sent: InterceptRule[][] = [];
  const decisions: [number, InterceptCommand][] = [];
  const model = new InterceptModel({
    storage,
    pageUrl,
    setRules: (r) => sent.push(r),
    decide: (frameId, c) => decisions.push([frameId, c]),
  });
  return { model, storage, pageUrl, sent, decisions };
}

describe('InterceptModel', () => {
  it('keeps rules per site, sends every change, and loads them in a new panel', async () => {
    const { model, storage, sent } = setup();
    await flush();
    model.save(rule('a'));
    model.save(rule('b', { url: { kind: 'regex', pattern: '(' } }));
    expect(sent.at(-1)?.map((r) => r.id)).toEqual(['a', 'b']);
    expect(model.errors.value.get('b')?.[0]?.field).toBe('url');
    expect(model.activeCount.value).toBe(1);
    await flush();
    const again = setup(storage);
    await flush();
    expect(again.model.rules.value.map((r) => r.id)).toEqual(['a', 'b']);
    expect(again.sent.at(-1)?.map((r) => r.id)).toEqual(['a', 'b']);
    const other = setup(storage, 'https://other.test/');
    await flush();
    expect(other.model.rules.value).toEqual([]);
  });

  it('disables every rule at once, keeping them', async () => {
    const { model, sent } = setup();
    await flush();
    model.save(rule('a'));
    model.save(rule('b'));
    model.disableAll();
    expect(sent.at(-1)?.map((r) => r.enabled)).toEqual([false, false]);
    expect(model.activeCount.value).toBe(0);
  });

  it('lists held messages until released, and sends decisions to their frame', () => {
    const { model, decisions } = setup();
    const batch = (events: unknown[]) =>
      model.receive({
        type: 'events',
        frameId: 2,
        batch: { source: BRAND, v: PROTOCOL_VERSION, type: 'events', doc: 'd', events },
      } as never);
    batch([{ type: 'held', seq: 1, socket: 3, t: 1, hold: 1, dir: 'sent', rule: 'a', text: 'hi' }]);
    expect(model.held.value.map((h) => [h.key, h.text])).toEqual([['2:d:1', 'hi']]);
    model.decide(model.held.value[0]!, 'edit', 'bye');
    expect(decisions).toEqual([
      [
        2,
        {
          source: BRAND,
          v: PROTOCOL_VERSION,
          type: 'hold-decision',
          doc: 'd',
          hold: 1,
          decision: 'edit',
          text: 'bye',
        },
      ],
    ]);
    batch([{ type: 'released', seq: 2, socket: 3, t: 2, hold: 1 }]);
    expect(model.held.value).toEqual([]);
    // The service worker stopped: the pages release everything, and say so to nobody.
    batch([{ type: 'held', seq: 3, socket: 3, t: 3, hold: 2, dir: 'sent', rule: 'a', text: 'x' }]);
    model.linkLost();
    expect(model.held.value).toEqual([]);
  });
});
