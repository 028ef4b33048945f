import { expect, it } from 'vitest';
import { formatDelay, formatFactor, formatPercent } from '../../../../src/log/reconnect/delay-text';

it.each([
  [10, '10 ms'],
  [999.6, '1 s'],
  [1190, '1.19 s'],
  [5000, '5 s'],
  [24_270, '24.3 s'],
  [60_000, '1 min'],
  [150_400, '150 s'],
])('formatDelay(%d) is %s', (ms, text) => expect(formatDelay(ms)).toBe(text));

it('writes factors and spreads as a person would', () => {
  expect([formatFactor(2), formatFactor(1.3), formatFactor(1.1517)]).toEqual(['×2', '×1.3', '×1.15']);
  expect([formatPercent(0.25), formatPercent(-0.174), formatPercent(0.001)]).toEqual(['+25%', '−17%', '0%']);
});
