import { describe, expect, it } from 'vitest';
import type { BackoffShape } from '../../../../src/log/reconnect/backoff-shape';
import { classifyBackoff } from '../../../../src/log/reconnect/classify-backoff';
import { seededRandom } from './seeded-random';

const times = (n: number, ms: number) => Array<number>(n).fill(ms);

describe('classifyBackoff on exact schedules', () => {
  it.each<[string, number[], BackoffShape, string]>([
    ['nothing', [], { kind: 'none' }, 'no reconnect'],
    ['one gap', [1200], { kind: 'single', gapMs: 1200 }, 'one reconnect, after 1.2 s'],
    ['no waiting', [5, 20, 0], { kind: 'immediate', maxMs: 20 }, 'reconnects immediately (no backoff)'],
    ['a period', [1000, 1000, 1000], { kind: 'constant', periodMs: 1000 }, 'constant: every 1 s'],
    [
      'a fixed step',
      [1000, 1500, 2000, 2500],
      { kind: 'linear', firstMs: 1000, stepMs: 500, capMs: null },
      'linear: from 1 s, +500 ms each time',
    ],
    [
      'a factor',
      [300, 600, 1200],
      { kind: 'exponential', firstMs: 300, factor: 2, capMs: null },
      'exponential: from 300 ms, ×2 each time',
    ],
    [
      'a factor and a cap',
      [500, 1000, 2000, 4000, 5000, 5000],
      { kind: 'exponential', firstMs: 500, factor: 2, capMs: 5000 },
      'exponential: from 500 ms, ×2 each time, capped at 5 s',
    ],
    [
      "phoenix's table, then its ceiling",
      [10, 50, 100, 150, 200, 250, 500, 1000, 2000, 5000, 5000],
      { kind: 'capped', capMs: 5000, rampGaps: 9 },
      'rises over 9 gaps to a cap of 5 s',
    ],
    [
      "Node-RED's editor",
      [...times(9, 1000), ...times(3, 2000)],
      {
        kind: 'stepped',
        steps: [
          { delayMs: 1000, count: 9 },
          { delayMs: 2000, count: 3 },
        ],
      },
      'stepped: 1 s ×9, then 2 s ×3',
    ],
    ['no pattern', [2000, 300, 4000], { kind: 'irregular' }, 'irregular delays'],
    ['two gaps that differ', [1000, 2000], { kind: 'irregular' }, 'irregular delays'],
  ])('%s: %j', (_, gaps, shape, text) => {
    const backoff = classifyBackoff(gaps);
    expect(backoff.shape).toEqual(numbersClose(shape));
    expect(backoff.text).toBe(text);
    expect(backoff.outlier).toBeNull();
    expect(backoff.jitter).toBeNull();
  });

  it('says the simplest shape that fits: a flat sequence is constant, not linear', () => {
    expect(classifyBackoff([1000, 1010, 1020, 1030]).shape.kind).toBe('constant');
  });

  it('reads ×1.3 as exponential when a late middle timer makes a line fit as well (a CI run)', () => {
    // reconnecting-websocket from a 1.185 s draw, the middle timer 50 ms late: a line fits
    // slightly closer, but the two never part by more than a late timer.
    expect(classifyBackoff([1185, 1590, 2003]).text).toBe('exponential: from 1.2 s, ×1.3 each time');
    // Where they do part, the line stays a line; small steps are a gentle curve to within a timer.
    expect(classifyBackoff([1000, 2000, 3000]).shape.kind).toBe('linear');
    expect(classifyBackoff([1000, 1500, 2000, 2500]).shape.kind).toBe('linear');
    expect(classifyBackoff([1000, 1100, 1200, 1300]).text).toBe('exponential: from 1 s, ×1.09 each time');
  });

  it('names the issue\'s Node-RED trace stepped, though "constant with a last outlier" also fits', () => {
    const { shape, outlier } = classifyBackoff([...times(9, 1000), 2000]);
    expect(shape).toEqual({
      kind: 'stepped',
      steps: [
        { delayMs: 1000, count: 9 },
        { delayMs: 2000, count: 1 },
      ],
    });
    expect(outlier).toBeNull();
  });

  it('keeps a timer a busy page ran late in its step', () => {
    const measured = [1001, 1001, 1001, 1013, 1027, 1003, 1001, 1011, 1059, 2002, 2001, 2001];
    expect(classifyBackoff(measured).text).toBe('stepped: 1 s ×9, then 2 s ×3');
  });

  it('does not take two jittered pairs for a stepped schedule', () => {
    expect(classifyBackoff([2500, 2600, 5500, 9000]).shape.kind).not.toBe('stepped');
  });

  it('predicts the next gap from the shape', () => {
    expect(classifyBackoff([300, 600, 1200]).nextMs).toBeCloseTo(2400);
    expect(classifyBackoff([500, 1000, 2000, 4000, 5000, 5000]).nextMs).toBeCloseTo(5000);
    expect(classifyBackoff([...times(9, 1000), 2000, 2000]).nextMs).toBe(2000);
    expect(classifyBackoff([]).nextMs).toBeNull();
  });
});

describe('classifyBackoff with one outlier', () => {
  it('leaves out an immediate first retry', () => {
    const backoff = classifyBackoff([3, 1000, 1000, 1000, 1000]);
    expect(backoff.shape).toEqual({ kind: 'constant', periodMs: 1000 });
    expect(backoff.outlier).toEqual({ index: 0, gapMs: 3 });
    expect(backoff.text).toBe('constant: every 1 s, gap 1 (3 ms) off the pattern');
  });

  it('leaves out a last gap cut short', () => {
    const backoff = classifyBackoff([1000, 2000, 4000, 8000, 3000]);
    expect(backoff.shape).toEqual(
      numbersClose({ kind: 'exponential', firstMs: 1000, factor: 2, capMs: null }),
    );
    expect(backoff.outlier).toEqual({ index: 4, gapMs: 3000 });
  });

  it('leaves out one gap only: two make it irregular', () => {
    expect(classifyBackoff([3, 1000, 1000, 1000, 1000, 9000]).shape.kind).not.toBe('constant');
  });
});

describe('classifyBackoff with jitter', () => {
  it('reports a randomised constant with its spread', () => {
    const random = seededRandom(7);
    const gaps = Array.from({ length: 10 }, () => 2000 * (1 + 0.6 * (random() - 0.5)));
    const { shape, jitter, text } = classifyBackoff(gaps);
    if (shape.kind !== 'constant') throw new Error(`not constant: ${text}`);
    expect(shape.periodMs).toBeGreaterThan(1700);
    expect(shape.periodMs).toBeLessThan(2300);
    expect(jitter?.low).toBeLessThan(-0.05);
    expect(jitter?.high).toBeGreaterThan(0.05);
    expect(text).toMatch(/^constant: every \d\.\d+ s, jitter /);
  });

  it('finds the factor under ±20% jitter', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const gaps = Array.from({ length: 6 }, (_, k) => 1000 * 2 ** k * (1 + 0.4 * (random() - 0.5)));
      const { shape } = classifyBackoff(gaps);
      if (shape.kind !== 'exponential') throw new Error(`seed ${seed}: ${shape.kind}`);
      expect(shape.factor).toBeGreaterThan(1.7);
      expect(shape.factor).toBeLessThan(2.3);
    }
  });

  it("finds socket.io-client's 5 s ceiling under its ±50% jitter", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seededRandom(seed);
      const { shape, text } = classifyBackoff(Array.from({ length: 6 }, (_, k) => socketIoDelay(k, random)));
      const ceiling =
        shape.kind === 'capped' || shape.kind === 'exponential' || shape.kind === 'linear'
          ? shape.capMs
          : shape.kind === 'stepped'
            ? shape.steps[shape.steps.length - 1]?.delayMs
            : null;
      expect(ceiling, `seed ${seed}: ${text}`).toBeGreaterThan(4500);
      expect(ceiling, `seed ${seed}: ${text}`).toBeLessThanOrEqual(5000);
    }
  });

  it('says "±" when the spread is about even', () => {
    expect(classifyBackoff([1000, 1250, 800, 1200, 750, 1000]).text).toMatch(/jitter ±2\d%/);
  });
});

/** socket.io-client 4.8.4's Backoff.duration() with its defaults (contrib/backo2.js). */
function socketIoDelay(attempt: number, random: () => number): number {
  let ms = 1000 * 2 ** attempt;
  const rand = random();
  const deviation = Math.floor(rand * 0.5 * ms);
  ms = (Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation;
  return Math.min(ms, 5000) | 0;
}

/** The fitted numbers come out of least squares: equal to a few decimal places. */
function numbersClose(shape: BackoffShape): unknown {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v]),
  );
}
