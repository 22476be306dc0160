import type { BaseUnit } from '../units/units';

/** A store's rule for which counts head office should look at (issue 16: per unit kind). */
export interface VarianceRule {
  /** Pieces: a count off by more than this many pieces is flagged. */
  varianceThreshold: number;
  /** Loose goods (weight, volume): off by more than this share, in percent, of the stock. */
  varianceLoosePercent: number;
}

export const DEFAULT_VARIANCE_LOOSE_PERCENT = 2;

/**
 * The variance (base units) beyond which a count is flagged. Pieces: the store's piece count.
 * Loose goods: the store's percentage of the larger of the stock expected and the stock counted,
 * so 300 g short on 37 kg of atta (0.8 %) is not a conflict while 2 kg short on 5 kg is; rounded
 * down, so a count of loose goods where nothing was expected is always flagged.
 */
export function countVarianceLimit(unit: BaseUnit, counted: number, variance: number, rule: VarianceRule): number {
  if (unit === 'pc') return rule.varianceThreshold;
  const expected = counted - variance;
  return Math.floor((rule.varianceLoosePercent / 100) * Math.max(Math.abs(expected), Math.abs(counted)));
}
