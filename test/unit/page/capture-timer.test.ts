import { describe, expect, it } from 'vitest';
import { captureTimer } from '../../../src/page/capture-timer';

type Scope = Parameters<typeof captureTimer>[0];

describe('captureTimer', () => {
  it('calls back after the delay where the scope has no setTimeout yet (a worker held at start)', async () => {
    const held = { AbortSignal, EventTarget } as unknown as Scope;
    const timer = captureTimer(held);
    const start = performance.now();
    const waited = await new Promise<number>((done) => timer(() => done(performance.now() - start), 30));
    // Timers may fire a millisecond early by the clock they are compared with.
    expect(waited).toBeGreaterThanOrEqual(29);
  });

  it('uses the scope’s own setTimeout where it has one', () => {
    const calls: number[] = [];
    const scope = {
      setTimeout: (_fn: () => void, ms: number) => calls.push(ms),
    } as unknown as Scope;
    captureTimer(scope)(() => undefined, 50);
    expect(calls).toEqual([50]);
  });
});
