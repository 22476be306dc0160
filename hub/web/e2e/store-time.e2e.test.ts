import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Page as ApiPage, Product, Store } from '@bazaar/shared';
import { fmtDateTime } from '../src/components/format';
import { openTab, signInAs } from './sign-in';
import { PASSWORD } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, parseCsv } from './harness';

const suite = browserTestSuite("head office reads each store's events on the store's own clock, and CSV in display units");

/** Three days ago at 15:06 UTC: 8:06 pm in Lahore, 8:36 pm in Bengaluru, morning in New York (the reader). */
const saleAt = (() => {
  const d = new Date(Date.now() - 3 * 86_400_000);
  d.setUTCHours(15, 6, 0, 0);
  return d.toISOString();
})();

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({
    suite,
    // The reader is in New York: every store time on screen must still be the store's own.
    context: { timezoneId: 'America/New_York', acceptDownloads: true },
    prepare: async (api) => {
      await api.register('owner', 'Asha Rao', PASSWORD);
      const lahore = await api.call<Store>('POST', '/stores', { code: 'LHE-01', name: 'Gulberg', region: 'Punjab', timeZone: 'Asia/Karachi' });
      const blr = await api.call<Store>('POST', '/stores', { code: 'BLR-01', name: 'Jayanagar', region: 'South', timeZone: 'Asia/Kolkata' });
      const sugar = await api.call<Product>('POST', '/products', { sku: 'SUGAR-LOOSE', name: 'Loose sugar', unit: 'g', category: 'Staples', priceMinor: 5_000, costMinor: 4_200, reorderLevel: 2_000 });
      for (const s of [lahore, blr]) {
        await api.move(s.id, sugar.id, 'IN', 40_000, new Date(Date.parse(saleAt) - 86_400_000).toISOString());
        await api.move(s.id, sugar.id, 'SALE', -2_500, saleAt);
      }
      return { lahore, blr, sugar };
    },
  });

  const rows = (testId: string) => t.page.getByTestId(testId).locator('tbody tr:not(.skeleton-row)');
  const loaded = (testId: string) => t.page.getByTestId(testId).getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  async function exportCsv(testId: string, button = 'Export CSV') {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId(testId).getByRole('button', { name: button }).click()]);
    const [header, ...body] = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  }

  it("shows each movement at its store's wall time, in the one format", async () => {
    await signInAs(t.page, t.hub.url, 'owner');
    await openTab(t.page, 'Movements');
    await loaded('movements-table');
    const sale = (store: string) => rows('movements-table').filter({ hasText: store }).filter({ hasText: 'Sale' });
    await expect.poll(() => sale('Gulberg').innerText()).toContain(fmtDateTime(saleAt, undefined, 'Asia/Karachi'));
    await expect.poll(() => sale('Jayanagar').innerText()).toContain(fmtDateTime(saleAt, undefined, 'Asia/Kolkata'));
    expect(fmtDateTime(saleAt, undefined, 'Asia/Karachi')).toMatch(/8:06 pm$/);
    expect(fmtDateTime(saleAt, undefined, 'Asia/Kolkata')).toMatch(/8:36 pm$/);
    // The quantity a person reads: kg for loose goods.
    expect(await sale('Gulberg').innerText()).toContain('2.5 kg');
    await t.shot('store-time-00-movements-on-store-clocks');
  });

  it("exports movements with the store's wall time and offset, quantities in kg beside a unit column and prices per kg", async () => {
    const csv = await exportCsv('movements-table');
    // Kinds and statuses in the words the screen shows, never the API's codes.
    expect(csv.map((r) => r['Kind']).sort()).toEqual(['Sale', 'Sale', 'Stock in', 'Stock in']);
    expect(new Set(csv.map((r) => r['Status']))).toEqual(new Set(['applied']));
    const sales = csv.filter((r) => r['Kind'] === 'Sale');
    expect(sales.map((r) => [r['Store'], r['When']]).sort()).toEqual(
      [
        ['Gulberg', `${saleAt.slice(0, 10)} 20:06:00 +05:00`],
        ['Jayanagar', `${saleAt.slice(0, 10)} 20:36:00 +05:30`],
      ],
    );
    for (const r of sales) {
      expect(r['Quantity']).toBe('-2.5');
      expect(r['Unit']).toBe('kg');
      expect(r[Object.keys(r).find((h) => h.startsWith('Unit price'))!]).toBe('50.00');
    }
  });

  it("writes the movements file in the reader's language, as the screen shows it", async () => {
    await t.page.getByTestId('locale-picker').selectOption('ur');
    await expect.poll(() => rows('movements-table').first().innerText()).toContain('فروخت');
    await loaded('movements-table');
    await t.shot('store-time-01-movements-in-urdu-as-their-csv-writes-them');
    const csv = await exportCsv('movements-table', 'CSV برآمد کریں');
    expect(csv.map((r) => r['قسم']).sort()).toEqual(['آمد', 'آمد', 'فروخت', 'فروخت'].sort());
    expect(new Set(csv.map((r) => r['حالت']))).toEqual(new Set(['لاگو']));
    await t.page.getByTestId('locale-picker').selectOption('en');
    await expect.poll(() => rows('movements-table').first().innerText()).toContain('Sale');
  });

  it("shows an activity-log entry at its store's wall time", async () => {
    await openTab(t.page, 'Activity logs');
    await loaded('audit-table');
    const entries = await t.api.call<ApiPage<AuditEntry>>('GET', `/logs?storeId=${t.seed.lahore.id}&limit=5`);
    const entry = entries.items[0]!;
    await expect.poll(async () => (await rows('audit-table').allInnerTexts()).some((r) => r.includes(fmtDateTime(entry.at, undefined, 'Asia/Karachi')))).toBe(true);
    await t.shot('store-time-01-activity-log');
  });

  it('exports products with the unit prices are per, and the reorder level in that unit', async () => {
    await openTab(t.page, 'Products');
    await loaded('products-table');
    const [sugar] = await exportCsv('products-table');
    expect(sugar).toMatchObject({ Name: 'Loose sugar', Unit: 'kg', Reorder: '2' });
    expect(sugar![Object.keys(sugar!).find((h) => h.startsWith('Price'))!]).toBe('50.00');
    await t.shot('store-time-02-products');
  });
});
