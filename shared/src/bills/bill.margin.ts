import { lineTotalMinor } from '../units/units';
import type { BillLine } from './bill.schema';

/**
 * A bill line's gross margin in minor units: what it charged less what the goods cost when sold (the
 * moving-average cost the counter stamped on the line). A return line takes its margin back.
 */
export function lineMarginMinor(line: Pick<BillLine, 'direction' | 'qty' | 'unit' | 'unitCostMinor' | 'totalMinor'>): number {
  const cost = lineTotalMinor(line.unitCostMinor, line.qty, line.unit);
  return line.totalMinor - (line.direction === 'return' ? -cost : cost);
}
