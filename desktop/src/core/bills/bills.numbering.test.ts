import { describe, expect, it } from 'vitest';
import { StoreCore } from '../store-core';
import { tempStore } from '../testing/temp-store';

describe('bill numbering', () => {
  it('carries on across a restart, and two counters of one store offline never collide', async () => {
    const one = await tempStore();
    const two = await tempStore();
    try {
      for (const s of [one, two]) await s.core.addProduct({ sku: 'A', name: 'Item A', unit: 'pc', priceMinor: 1_000 });
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) numbers.push((await one.core.sell({ lines: [{ product: 'A', qty: 1 }] })).billNumber);
      await one.core.close();
      one.core = await StoreCore.open(one.path);
      numbers.push((await one.core.sell({ lines: [{ product: 'A', qty: 1 }] })).billNumber);
      expect(numbers.map((n) => n.slice(-6))).toEqual(['000001', '000002', '000003', '000004']);

      for (let i = 0; i < 4; i++) numbers.push((await two.core.sell({ lines: [{ product: 'A', qty: 1 }] })).billNumber);
      // Same store code, same running numbers, different counters: every number differs.
      expect(new Set(numbers).size).toBe(8);
      expect(numbers.every((n) => n.startsWith('S1-C'))).toBe(true);

      // Renaming the counter starts that code's own run; going back continues the old one.
      const code = (await one.core.billSettings()).counterCode;
      await one.core.updateBillSettings({ counterCode: 'c2' });
      expect((await one.core.sell({ lines: [{ product: 'A', qty: 1 }] })).billNumber).toBe('S1-C2-000001');
      await one.core.updateBillSettings({ counterCode: code });
      expect((await one.core.sell({ lines: [{ product: 'A', qty: 1 }] })).billNumber).toBe(`S1-${code}-000005`);
      await expect(one.core.updateBillSettings({ counterCode: 'no-good' })).rejects.toThrow(/counter code/);
    } finally {
      await one.cleanup();
      await two.cleanup();
    }
  });
});
