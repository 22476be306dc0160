import { describe, expect, it } from 'vitest';
import type { ExpiryRow } from '@bazaar/shared';
import { groupExpiry } from './expiry.group';

const row = (over: Partial<ExpiryRow>): ExpiryRow => ({
  storeId: 's1',
  storeCode: 'S1',
  storeName: 'Saddar',
  productId: 'p1',
  sku: 'MILK',
  productName: 'Milk',
  unit: 'pc',
  category: 'Dairy',
  lot: null,
  expiresOn: '2026-03-10',
  qty: 1,
  costMinor: 100,
  daysLeft: 2,
  status: 'expiring',
  today: '2026-03-08',
  ...over,
});

describe('groupExpiry', () => {
  it('adds batches per category and store, expired money first, with the nearest day still ahead', () => {
    const groups = groupExpiry([
      row({ costMinor: 300, expiresOn: '2026-03-12' }),
      row({ costMinor: 200, expiresOn: '2026-03-09' }),
      row({ status: 'expired', daysLeft: -1, expiresOn: '2026-03-07', costMinor: 50 }),
      row({ category: 'Bakery', storeId: 's2', storeName: 'Clifton', status: 'expired', daysLeft: -3, costMinor: 900 }),
      row({ category: null, costMinor: 10 }),
    ]);
    expect(groups.map((g) => [g.category, g.storeName, g.expiredBatches, g.expiredCostMinor, g.expiringBatches, g.expiringCostMinor, g.nextDay])).toEqual([
      ['Bakery', 'Clifton', 1, 900, 0, 0, null],
      ['Dairy', 'Saddar', 1, 50, 2, 500, '2026-03-09'],
      [null, 'Saddar', 0, 0, 1, 10, '2026-03-10'],
    ]);
  });
});
