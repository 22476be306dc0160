import { describe, expect, it } from 'vitest';
import { countVarianceLimit } from './count-variance';

const rule = { varianceThreshold: 5, varianceLoosePercent: 2 };

describe('countVarianceLimit', () => {
  it('pieces: the store’s piece count, whatever the stock', () => {
    expect(countVarianceLimit('pc', 1000, -40, rule)).toBe(5);
    expect(countVarianceLimit('pc', 3, 1, rule)).toBe(5);
  });

  it('loose goods: the share of the larger of expected and counted, in base units, rounded down', () => {
    expect(countVarianceLimit('g', 36_700, -300, rule)).toBe(740); // 2 % of the 37 kg expected
    expect(countVarianceLimit('ml', 8_000, 3_000, rule)).toBe(160); // 2 % of the 8 L counted
    expect(countVarianceLimit('g', 500, 500, rule)).toBe(10);
    expect(countVarianceLimit('g', 0, -40, rule)).toBe(0); // 40 g expected, none found: any difference is flagged
  });
});
