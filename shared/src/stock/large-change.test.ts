import { describe, expect, it } from 'vitest';
import { isLargeStockChange } from './large-change';

describe('which stock changes ask for confirmation', () => {
  it('asks for big swings in the unit people think in', () => {
    expect(isLargeStockChange(47_000, 45_000, 'g', 'count')).toBe(false); // 2 kg off 47 kg: a normal count
    expect(isLargeStockChange(29_471, 29, 'g', 'count')).toBe(true); // "29" typed meaning kg, saved as g
    expect(isLargeStockChange(24, 20, 'pc', 'count')).toBe(false);
    expect(isLargeStockChange(24, 2, 'pc', 'count')).toBe(true);
    expect(isLargeStockChange(0, 4, 'pc', 'count')).toBe(false); // under the 5 pc floor
    expect(isLargeStockChange(500, 2_000, 'ml', 'count')).toBe(true);
  });

  it('asks when a removal takes more than there is', () => {
    expect(isLargeStockChange(3, -1, 'pc', 'remove')).toBe(true);
    expect(isLargeStockChange(30, 28, 'pc', 'remove')).toBe(false);
  });
});
