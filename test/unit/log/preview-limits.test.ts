import { describe, expect, it } from 'vitest';
import { PreviewBuffer } from '../../../src/log/preview-buffer';
import { PreviewBudget } from '../../../src/log/preview-limits';
import { ev } from '../event-builders';

function feed(budget: PreviewBudget, buffer: PreviewBuffer, previews: string[]) {
  for (const p of previews) {
    budget.keep(buffer, ev.message(1, buffer.pushed + 1, p));
  }
}
const held = (b: PreviewBuffer) => [...b].map((m) => m.preview);

describe('PreviewBudget', () => {
  it('keeps the newest previews per socket', () => {
    const budget = new PreviewBudget({ perSocket: 3, total: 100, totalChars: 1000 });
    const b = new PreviewBuffer();
    feed(budget, b, ['1', '2', '3', '4', '5']);
    expect(held(b)).toEqual(['3', '4', '5']);
    expect(b.dropped).toBe(2);
  });

  it('drops the oldest previews across sockets when over the total, by count or by text', () => {
    const budget = new PreviewBudget({ perSocket: 100, total: 4, totalChars: 1000 });
    const a = new PreviewBuffer();
    const b = new PreviewBuffer();
    feed(budget, a, ['a1', 'a2']);
    feed(budget, b, ['b1', 'b2']);
    feed(budget, a, ['a3']);
    expect([held(a), held(b)]).toEqual([
      ['a2', 'a3'],
      ['b1', 'b2'],
    ]);
    budget.setLimits({ perSocket: 100, total: 100, totalChars: 4 }, [a, b]);
    expect([held(a), held(b)]).toEqual([['a3'], ['b2']]);
  });

  it('lets go of the entries it evicted: its queue stays near the previews it holds', () => {
    const budget = new PreviewBudget({ perSocket: 1_000_000, total: 1000, totalChars: 1e9 });
    const buffers = Array.from({ length: 10 }, () => new PreviewBuffer());
    for (let i = 0; i < 100_000; i++) feed(budget, buffers[i % 10]!, [String(i)]);
    expect(buffers.reduce((n, b) => n + b.length, 0)).toBe(1000);
    expect((budget as unknown as { buffers: unknown[] }).buffers.length).toBeLessThan(10_000);
  });

  it('ignores a cleared socket’s previews', () => {
    const budget = new PreviewBudget({ perSocket: 100, total: 2, totalChars: 1000 });
    const a = new PreviewBuffer();
    feed(budget, a, ['a1', 'a2']);
    budget.discard(a);
    const b = new PreviewBuffer();
    feed(budget, b, ['b1', 'b2']);
    expect(held(b)).toEqual(['b1', 'b2']);
  });

  it('stays O(1) per message under a long stream (its queue does not pile up)', () => {
    const budget = new PreviewBudget({ perSocket: 10, total: 1_000_000, totalChars: 1e9 });
    const b = new PreviewBuffer();
    feed(
      budget,
      b,
      Array.from({ length: 50_000 }, (_, i) => String(i)),
    );
    expect(b.length).toBe(10);
    expect((budget as unknown as { buffers: unknown[] }).buffers.length).toBeLessThan(10_000);
  });
});
