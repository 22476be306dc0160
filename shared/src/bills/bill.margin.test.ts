import { describe, expect, it } from 'vitest';
import { lineMarginPaise } from './bill.margin';

describe('bill line margin', () => {
  it('is what the line charged less its cost when sold, per kg for weighed goods, and a return takes it back', () => {
    expect(lineMarginPaise({ direction: 'sale', qty: 3, unit: 'pc', unitCostPaise: 700, totalPaise: 2_850 })).toBe(750);
    // 1.25 kg of sugar at ₹130/kg cost is ₹162.50: charged ₹185.61 after discounts.
    expect(lineMarginPaise({ direction: 'sale', qty: 1250, unit: 'g', unitCostPaise: 13_000, totalPaise: 18_561 })).toBe(2_311);
    expect(lineMarginPaise({ direction: 'return', qty: 3, unit: 'pc', unitCostPaise: 700, totalPaise: -2_850 })).toBe(-750);
    // Sold below cost: a negative margin.
    expect(lineMarginPaise({ direction: 'sale', qty: 1, unit: 'pc', unitCostPaise: 1_000, totalPaise: 900 })).toBe(-100);
  });
});
