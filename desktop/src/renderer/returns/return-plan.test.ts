import { describe, expect, it } from 'vitest';
import { sampleBill } from '../../../../shared/src/bills/bill.receipt.fixture';
import { returnMoney, soldLines } from './return-plan';

describe('return plan', () => {
  it('lists sold, returned and returnable quantities per line', () => {
    const lines = soldLines(sampleBill, { 1: 1, 2: 1250 });
    expect(lines.map((l) => [l.line.lineNo, l.sold, l.returned, l.returnable])).toEqual([
      [1, 2, 1, 1],
      [2, 1250, 0, 1250],
    ]);
  });
  it('refunds a line in parts that add up to what it cost, and nets new goods against it', () => {
    const first = returnMoney(sampleBill, { 1: 2 }, { 1: { qty: 1, disposition: 'restock' } }, []);
    const second = returnMoney(sampleBill, { 1: 1 }, { 1: { qty: 1, disposition: 'damaged' } }, []);
    expect(first.refundMinor + second.refundMinor).toBe(235_110);
    const exchange = returnMoney(sampleBill, { 2: 1250 }, { 2: { qty: 1250, disposition: 'restock' } }, [{ product: { id: 'x', name: 'Tea', unit: 'pc', priceMinor: 28_000 }, qty: 1 }]);
    expect(exchange).toEqual({ refundMinor: 18_561, newMinor: 28_000, netMinor: 28_000 - 18_561 });
  });
  it('never returns more than is returnable', () => {
    expect(returnMoney(sampleBill, { 1: 1 }, { 1: { qty: 5, disposition: 'restock' } }, []).refundMinor).toBe(235_110 - Math.floor(235_110 / 2));
  });
});
