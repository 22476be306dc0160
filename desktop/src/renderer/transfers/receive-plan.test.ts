import { createTranslator, type Transfer } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { receivePlan } from './receive-plan';

const en = createTranslator({ locale: 'en' });
const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
const transfer: Transfer = {
  id: id(1),
  number: 'DEL-01-C1-T000001',
  origin: 'counter',
  counterCode: 'C1',
  counterNo: 1,
  fromStoreId: id(2),
  toStoreId: id(3),
  status: 'dispatched',
  note: null,
  lines: [
    { lineNo: 1, productId: id(10), sku: 'BISC', name: 'Biscuits', unit: 'pc', qtySent: 72, qtyReceived: null, qtyDamaged: 0 },
    { lineNo: 2, productId: id(11), sku: 'RICE', name: 'Rice', unit: 'g', qtySent: 10_000, qtyReceived: null, qtyDamaged: 0 },
    { lineNo: 3, productId: id(12), sku: 'TEA', name: 'Tea', unit: 'pc', qtySent: 4, qtyReceived: 4, qtyDamaged: 0 },
  ],
  createdAt: '2026-12-01T05:00:00.000Z',
  createdBy: { id: null, name: 'Asha' },
  dispatchedAt: '2026-12-01T06:00:00.000Z',
  dispatchedBy: { id: null, name: 'Asha' },
  receivedAt: null,
  receivedBy: null,
  closedAt: null,
  closedBy: null,
  cancelledAt: null,
};
const packs = (pid: string) => (pid === id(10) ? [{ name: 'carton', qty: 24 }] : []);

describe('a count-in plan', () => {
  it('reads packs and display units, and names what differs before it is saved', () => {
    const plan = receivePlan(transfer, { [id(10)]: { good: '2 cartons', damaged: '3' }, [id(11)]: { good: '10', damaged: '' } }, packs, false, en);
    expect(plan.errors).toEqual({});
    expect(plan.lines).toEqual([
      { product: id(10), received: 48, damaged: 3 },
      { product: id(11), received: 10_000, damaged: 0 },
    ]);
    expect(plan.differences.map((d) => [d.line.sku, d.difference])).toEqual([['BISC', { short: 21, over: 0, damaged: 3 }]]);
  });

  it('leaves an empty line for later, or counts it short when nothing more will come; a counted line is not counted again', () => {
    const later = receivePlan(transfer, { [id(11)]: { good: '10.5', damaged: '' } }, packs, false, en);
    expect(later.lines).toEqual([{ product: id(11), received: 10_500, damaged: 0 }]);
    expect(later.differences.map((d) => [d.line.sku, d.difference])).toEqual([['RICE', { short: 0, over: 500, damaged: 0 }]]);
    const closing = receivePlan(transfer, {}, packs, true, en);
    expect(closing.lines).toEqual([]);
    expect(closing.differences.map((d) => [d.line.sku, d.difference.short])).toEqual([['BISC', 72], ['RICE', 10_000]]);
  });

  it('refuses what is not a quantity, line by line', () => {
    const plan = receivePlan(transfer, { [id(10)]: { good: '1.5 cartons', damaged: '' }, [id(11)]: { good: 'lots', damaged: '' } }, packs, false, en);
    expect(Object.keys(plan.errors).sort()).toEqual([id(10), id(11)]);
    expect(plan.lines).toEqual([]);
  });
});
