import type { BaseUnit } from '../units/units';

/** The smallest change worth a second look, per unit kind: 5 pieces, 1 kg, 1 L. */
const FLOOR: Record<BaseUnit, number> = { pc: 5, g: 1_000, ml: 1_000 };
/** A change of more than this share of what was there also asks. */
const SHARE = 0.2;

/**
 * Does a count or a removal that takes stock from `before` to `after` (base units) ask the
 * person to confirm? Yes when it changes stock by more than both the unit's floor and a fifth
 * of what was there, or when a removal would leave less than nothing. The counter, the web
 * app and the CLI all ask by this one rule (the CLI takes `--yes`).
 */
export function isLargeStockChange(before: number, after: number, unit: BaseUnit, kind: 'count' | 'remove'): boolean {
  if (kind === 'remove' && after < 0) return true;
  const change = Math.abs(after - before);
  return change > FLOOR[unit] && change > Math.abs(before) * SHARE;
}
