import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatQuantity, type Product, type Store } from '@bazaar/shared';
import { PASSWORD } from './seed';
import { openTab, signInAs } from './sign-in';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, parseCsv } from './harness';

/*
 * Saved views and scheduled reports (issue 24): a filtered Rankings page saved by name, reopened
 * from Saved views with its filters back, scheduled daily as a stock report, and its file waiting
 * in Exports with exactly the view's stores.
 */
const suite = browserTestSuite('saved views and scheduled reports in the head-office app');

describe.skipIf(suite.skip)(suite.title, () => {
  const h = useBrowserHub({
    suite,
    context: { acceptDownloads: true },
    prepare: async (api) => {
      await api.register('owner', 'Asha Rao', PASSWORD);
      const stores: Store[] = [];
      for (const [code, name, region] of [
        ['BLR-01', 'Jayanagar', 'South'],
        ['BLR-02', 'Indiranagar', 'South'],
        ['DEL-01', 'Karol Bagh', 'North'],
      ] as const) {
        stores.push(await api.store(code, name, region));
      }
      const supplier = await api.supplier('Deccan Agro Traders', '+91 80 4000 1000');
      const tea = await api.product({ sku: 'TEA-RED-250', name: 'Red Label Tea 250 g', unit: 'pc', category: 'Beverages', supplierId: supplier.id, priceMinor: 14000, costMinor: 12100, reorderLevel: 10 });
      const dal = await api.product({ sku: 'DAL-TOOR-1', name: 'Toor Dal 1 kg', unit: 'pc', category: 'Pulses', supplierId: supplier.id, priceMinor: 16500, costMinor: 14200, reorderLevel: 8 });
      for (const s of stores) for (const p of [tea, dal] as Product[]) await api.move(s.id, p.id, 'IN', 20);
      // Jayanagar: tea runs low (5 of reorder level 10), dal sells out (the drill lists what is in stock).
      await api.move(stores[0]!.id, tea.id, 'SALE', -15);
      await api.move(stores[0]!.id, dal.id, 'SALE', -20);
      return { stores };
    },
  });

  it('saves a filtered ranking by name, reopens it with its filters, schedules it, and finds its file in Exports', async () => {
    const { page, hub } = h;
    await signInAs(page, hub.url, 'owner');
    await openTab(page, 'Rankings');
    const region = page.locator('.filter-panel').getByLabel('Region', { exact: true });
    await region.fill('South');
    await expect.poll(() => page.getByTestId('rank-count').textContent()).toContain('of 2 stores');
    await page.getByTestId('rank-sort').selectOption('stockValue');
    // At 1280 px the "Show" select holds its chosen words whole (they were cut at "Highest first (top").
    for (const dir of ['desc', 'asc']) {
      await page.getByTestId('rank-dir').selectOption(dir);
      const fit = await page.getByTestId('rank-dir').evaluate((el: HTMLSelectElement) => {
        const cs = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = ctx.measureText(el.selectedOptions[0]!.text).width;
        // Room for the words: the box less its padding and the drop-down arrow (about 24 px).
        return { text, room: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 24 };
      });
      expect(fit.text).toBeLessThanOrEqual(fit.room);
    }
    await page.getByTestId('rank-dir').selectOption('desc');

    await page.getByTestId('save-view-open').click();
    await page.getByTestId('save-view-name').fill('South stock value');
    await h.shot('views-01-save-view');
    await page.getByTestId('save-view-submit').click();
    await page.getByTestId('save-view').getByRole('status').filter({ hasText: 'Saved as “South stock value”.' }).waitFor();

    // Somewhere else first, then back through the list: the view's filters come back from its URL.
    await openTab(page, 'Overview');
    await openTab(page, 'Saved views');
    const row = page.getByTestId('saved-view').filter({ hasText: 'South stock value' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Region: South');
    await expect(row.getByTestId('saved-view-schedule').textContent()).resolves.toBe('Not scheduled');
    await h.shot('views-02-saved-views');
    await row.getByTestId('saved-view-open').click();
    await page.getByRole('heading', { level: 1, name: 'Rankings' }).waitFor();
    await expect.poll(() => region.inputValue()).toBe('South');
    await expect(page.getByTestId('rank-sort').inputValue()).resolves.toBe('stockValue');
    await expect.poll(() => page.getByTestId('rank-count').textContent()).toContain('of 2 stores');
    expect(new URL(page.url()).searchParams.get('region')).toBe('South');

    await openTab(page, 'Saved views');
    await row.getByTestId('saved-view-schedule-open').click();
    await page.getByTestId('schedule-every').selectOption('daily');
    await page.getByTestId('schedule-kind').selectOption('stock');
    await h.shot('views-03-schedule');
    await page.getByTestId('schedule-save').click();
    await expect.poll(() => row.getByTestId('saved-view-schedule').textContent()).toBe('Every day: Stock of the view’s stores');

    await openTab(page, 'Exports');
    const file = page.getByTestId('export-row').filter({ hasText: 'South stock value' });
    await file.and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 });
    const text = await file.textContent();
    expect(text).toContain('Ready: 4 rows, every matching row.');
    expect(text).toMatch(/Day of \d{1,2} [A-Z][a-z]{2}/);
    await h.shot('views-04-exports');
    const [download] = await Promise.all([page.waitForEvent('download'), file.getByTestId('export-download').click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    const header = csv[0]!;
    const stores = csv.slice(1).map((r) => r[header.indexOf('store_name')]);
    expect(stores.sort()).toEqual(['Indiranagar', 'Indiranagar', 'Jayanagar', 'Jayanagar']);
    expect(csv.slice(1).every((r) => r[header.indexOf('region')] === 'South')).toBe(true);
  }, 120_000);

  it('a view saved without chosen dates keeps meaning the default period up to the day it is opened; chosen dates stay as chosen', async () => {
    const { page } = h;
    const day = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await signInAs(page, h.hub.url, 'owner');
    await openTab(page, 'Rankings');
    const from = page.locator('.filter-panel').getByLabel('From', { exact: true });
    const to = page.locator('.filter-panel').getByLabel('to', { exact: true });
    await expect.poll(() => from.inputValue()).toBe(day(Date.now() - 29 * 86_400_000));
    await page.getByTestId('rank-sort').selectOption('shrinkage');
    // A filter changed, the dates untouched: the URL (and so the view) holds no dates.
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('shrinkage');
    expect([...new URL(page.url()).searchParams.keys()].filter((k) => k === 'from' || k === 'to')).toEqual([]);
    await page.getByTestId('save-view-open').click();
    await page.getByTestId('save-view-name').fill('Shrinkage, last 30 days');
    await page.getByTestId('save-view-submit').click();
    await page.getByTestId('save-view').getByRole('status').filter({ hasText: 'Saved as “Shrinkage, last 30 days”.' }).waitFor();
    // Chosen dates are the view's own.
    await from.fill('2026-01-05');
    await to.fill('2026-02-04');
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2026-02-04');
    await page.getByTestId('save-view-open').click();
    await page.getByTestId('save-view-name').fill('Shrinkage, January');
    await page.getByTestId('save-view-submit').click();
    await page.getByTestId('save-view').getByRole('status').filter({ hasText: 'Saved as “Shrinkage, January”.' }).waitFor();

    // Forty days later the first view is the last 30 days before that day; the second is still January.
    const later = Date.now() + 40 * 86_400_000;
    await page.clock.setFixedTime(later);
    await openTab(page, 'Saved views');
    const rolling = page.getByTestId('saved-view').filter({ hasText: 'Shrinkage, last 30 days' });
    await expect.poll(() => rolling.textContent()).toContain('Default period, up to the day it is opened');
    const january = page.getByTestId('saved-view').filter({ hasText: 'Shrinkage, January' });
    await expect.poll(() => january.textContent()).toMatch(/5 Jan\w* 2026 – 4 Feb\w* 2026/);
    await h.shot('views-06-rolling-and-fixed-dates');
    await rolling.getByTestId('saved-view-open').click();
    await page.getByRole('heading', { level: 1, name: 'Rankings' }).waitFor();
    await expect.poll(() => from.inputValue()).toBe(day(later - 29 * 86_400_000));
    await expect(to.inputValue()).resolves.toBe(day(later));
    await expect(page.getByTestId('rank-sort').inputValue()).resolves.toBe('shrinkage');
    await openTab(page, 'Saved views');
    await january.getByTestId('saved-view-open').click();
    await page.getByRole('heading', { level: 1, name: 'Rankings' }).waitFor();
    await expect.poll(() => from.inputValue()).toBe('2026-01-05');
    await expect(to.inputValue()).resolves.toBe('2026-02-04');

    // Trends likewise: another grain is its default period, not dates in the URL.
    await openTab(page, 'Trends');
    await page.getByTestId('trend-grain').selectOption('week');
    await expect.poll(() => new URL(page.url()).searchParams.get('grain')).toBe('week');
    expect(new URL(page.url()).searchParams.has('from')).toBe(false);
    await expect.poll(() => page.locator('.filter-panel').getByLabel('From', { exact: true }).inputValue()).toBe(day(later - (7 * 12 - 1) * 86_400_000));
  }, 120_000);

  it('a product drill-down lists every store that carries it, those that never had it at 0 (out), as the API answers', async () => {
    const { page, api, seed } = h;
    const ghee = await api.call<Product>('POST', '/products', { sku: 'GHEE-AMUL-1', name: 'Amul Ghee 1 L', unit: 'pc', category: 'Dairy', priceMinor: 62000, costMinor: 55000, reorderLevel: 4 });
    await api.move(seed.stores[0]!.id, ghee.id, 'IN', 12);
    await signInAs(page, h.hub.url, 'owner');
    await openTab(page, 'Stock');
    const stockRows = page.getByTestId('stock-table').locator('tbody tr:not(.skeleton-row)');
    await stockRows.filter({ hasText: 'GHEE-AMUL-1' }).first().click();
    const dialog = page.getByRole('dialog', { name: /Amul Ghee 1 L/ });
    await dialog.getByTestId('drilldown-stock').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
    const rows = dialog.getByTestId('drilldown-stock').locator('tbody tr:not(.skeleton-row)');
    const expected = await api.call<{ items: { storeName: string; qty: number; status: string }[] }>('GET', `/stocks?${new URLSearchParams({ productId: ghee.id, everyStore: 'true' }).toString()}`);
    expect(expected.items.map((r) => [r.storeName, r.qty, r.status]).sort()).toEqual([
      ['Indiranagar', 0, 'out'],
      ['Jayanagar', 12, 'ok'],
      ['Karol Bagh', 0, 'out'],
    ]);
    await expect.poll(() => rows.count()).toBe(3);
    for (const store of ['Indiranagar', 'Karol Bagh']) await expect(rows.filter({ hasText: store }).innerText()).resolves.toMatch(/\bOut\b/);
    await expect(page.getByTestId('drilldown-total').textContent()).resolves.toBe(formatQuantity(12, 'pc'));
    await h.shot('views-07-product-every-store');
    await dialog.getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it("drills from a region to a store to its products, each with its own live alert", async () => {
    const { page, hub } = h;
    await signInAs(page, hub.url, 'owner');
    await openTab(page, 'Rankings');
    const drill = page.getByTestId('stock-region-drill');
    await drill.getByTestId('drill-region-South').click();
    await drill.getByTestId('drill-store-BLR-01').click();
    const rowOf = (name: string) => drill.getByTestId('stock-drill-table').locator('tbody tr').filter({ hasText: name });
    await expect.poll(() => rowOf('Red Label Tea 250 g').getByTestId('drill-product-alert').textContent()).toMatch(/^Low since \d{1,2} [A-Z][a-z]{2}/);
    await h.shot('views-05-drill-product-alerts');
    // Another store of the region has none.
    await drill.getByRole('button', { name: 'South' }).click();
    await drill.getByTestId('drill-store-BLR-02').click();
    await expect.poll(() => rowOf('Red Label Tea 250 g').getByTestId('drill-product-alert').textContent()).toBe('None');
    await expect.poll(() => rowOf('Toor Dal 1 kg').getByTestId('drill-product-alert').textContent()).toBe('None');
  }, 60_000);
});
