import { describe, expect, it } from 'vitest';
import { lineMarginMinor } from './bill.margin';

describe('bill line margin', () => {
  it('is what the line charged less its cost when sold, per kg for weighed goods, and a return takes it back', () => {
    expect(lineMarginMinor({ direction: 'sale', qty: 3, unit: 'pc', unitCostMinor: 700, totalMinor: 2_850 })).toBe(750);
    // 1.25 kg of sugar at ₹130/kg cost is ₹162.50: charged ₹185.61 after discounts.
    expect(lineMarginMinor({ direction: 'sale', qty: 1250, unit: 'g', unitCostMinor: 13_000, totalMinor: 18_561 })).toBe(2_311);
    expect(lineMarginMinor({ direction: 'return', qty: 3, unit: 'pc', unitCostMinor: 700, totalMinor: -2_850 })).toBe(-750);
    // Sold below cost: a negative margin.
    expect(lineMarginMinor({ direction: 'sale', qty: 1, unit: 'pc', unitCostMinor: 1_000, totalMinor: 900 })).toBe(-100);
  });
});
