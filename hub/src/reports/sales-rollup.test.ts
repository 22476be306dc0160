import { uuidv7 } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/use-test-app';
import type { TestApp } from '../test/test-db';
import { recentDays, rollupSales } from './sales-rollup';

/**
 * Each store's day is its own: a sale at 18:45 UTC is 23:45 of one day in Lahore and 00:15 of
 * the next in Delhi; revenue of loose goods is grams × the per-kg price / 1,000, per line.
 */
describe('sales rollup by each store’s day', () => {
  let t: TestApp;
  useTestApp((ctx) => ({ t } = ctx));

  async function sell(storeId: string, productId: string, qty: number, at: string, unitPriceMinor: number) {
    await t.deps.db
      .insertInto('movements')
      .values({ store_id: storeId, id: uuidv7(), device_id: null, seq: null, hlc: `${Date.parse(at)}-0000-hub`, kind: 'SALE', product_id: productId, qty: -qty, unit_price_minor: unitPriceMinor, unit_cost_minor: null, reason: null, note: null, supplier_id: null, batch_id: null, user_id: null, occurred_at: new Date(at), reject_reason: null, device_hlc: null, device_time: null })
      .execute();
  }

  it('puts a late-evening sale on the right day for Lahore and for Delhi, and prices grams per kg', async () => {
    const lahore = await t.makeStore('LHR-TZ');
    const delhi = await t.makeStore('DEL-TZ');
    await t.deps.db.updateTable('stores').set({ time_zone: 'Asia/Karachi' }).where('id', '=', lahore.id).execute();
    await t.deps.db.updateTable('stores').set({ time_zone: 'Asia/Kolkata' }).where('id', '=', delhi.id).execute();
    const rice = await t.makeProduct({ unit: 'g' });
    for (const store of [lahore, delhi]) {
      await sell(store.id, rice.id, 1250, '2026-12-01T18:45:00Z', 6000); // 1.25 kg at 60.00 per kg = 75.00
      await sell(store.id, rice.id, 333, '2026-12-01T10:00:00Z', 6000); // 0.333 kg = 19.98
    }
    await rollupSales(t.deps.db, ['2026-12-01', '2026-12-02']);
    const rows = await t.deps.db
      .selectFrom('sales_daily as d')
      .innerJoin('stores as s', 's.id', 'd.store_id')
      .select(['s.code', 'd.day', 'd.qty_sold', 'd.revenue_minor', 'd.sales'])
      .where('d.store_id', 'in', [lahore.id, delhi.id])
      .orderBy('s.code')
      .orderBy('d.day')
      .execute();
    const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
    expect(rows.map((r) => [r.code, day(r.day), Number(r.qty_sold), Number(r.revenue_minor), r.sales])).toEqual([
      ['DEL-TZ', '2026-12-01', 333, 1998, 1],
      ['DEL-TZ', '2026-12-02', 1250, 7500, 1],
      ['LHR-TZ', '2026-12-01', 1583, 9498, 2],
    ]);
  });

  it('the periodic run covers today and yesterday in every zone', () => {
    expect(recentDays(new Date('2026-12-01T20:00:00Z'))).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('refuses a time zone PostgreSQL does not know', async () => {
    const s = await t.makeStore('BAD-TZ');
    await expect(t.deps.db.updateTable('stores').set({ time_zone: 'Mars/Olympus' }).where('id', '=', s.id).execute()).rejects.toThrow(/time zone/);
  });
});
