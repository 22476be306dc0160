import { lineTotalPaise } from '../units/units';
import type { BillLine } from './bill.schema';

/**
 * A bill line's gross margin in paise: what it charged less what the goods cost when sold (the
 * moving-average cost the counter stamped on the line). A return line takes its margin back.
 */
export function lineMarginPaise(line: Pick<BillLine, 'direction' | 'qty' | 'unit' | 'unitCostPaise' | 'totalPaise'>): number {
  const cost = lineTotalPaise(line.unitCostPaise, line.qty, line.unit);
  return line.totalPaise - (line.direction === 'return' ? -cost : cost);
}
