import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page as ApiPage, StockListItem } from '@bazaar/shared';
import { openTab, signInAs } from './sign-in';
import { seedHub } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, parseCsv } from './harness';

const suite = browserTestSuite('head-office filters: picked from suggestions, any case, kept in the address');

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({
    suite,
    prepare: async (api) => {
      const seed = await seedHub(api);
      await api.call('PATCH', `/products/${seed.soap.id}`, { barcode: '8901030865278' });
      // In the catalog, so every store carries it, but no store has had any yet.
      await api.call('POST', '/products', { sku: 'MAGGI-70', name: 'Maggi Noodles 70 g', unit: 'pc', category: 'Snacks', priceMinor: 1400, costMinor: 1150, reorderLevel: 10 });
      return seed;
    },
  });

  const rows = (testId: string) => t.page.getByTestId(testId).locator('tbody tr:not(.skeleton-row)');
  const loaded = (testId: string) => t.page.getByTestId(testId).getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  const suggestions = (kind: string) => t.page.locator(`input[data-testid="suggest-${kind}"] + datalist option`);
  const query = () => Object.fromEntries(new URL(t.page.url()).searchParams);

  it('suggests regions and categories as typed, filters however they are typed, and keeps the filters through a reload', async () => {
    await signInAs(t.page, t.hub.url, 'owner');
    await openTab(t.page, 'Stock');
    await loaded('stock-table');
    const region = t.page.getByTestId('suggest-region');
    await region.fill('so');
    await expect.poll(async () => suggestions('region').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['South']);
    await region.fill('south');
    await t.page.getByTestId('suggest-category').fill('STAPLES');
    await t.page.getByLabel('Status').selectOption('low');
    const fromApi = await t.api.call<ApiPage<StockListItem>>('GET', '/stocks?region=South&category=Staples&status=low');
    expect(fromApi.items.map((r) => `${r.storeName} ${r.sku}`)).toEqual(['Jayanagar ATTA-AASH-10']);
    await expect.poll(() => rows('stock-table').allInnerTexts()).toEqual([expect.stringContaining('Aashirvaad Atta')]);
    await expect.poll(query).toEqual({ region: 'south', category: 'STAPLES', status: 'low' });
    await t.shot('filters-00-stock-any-case');

    await t.page.reload();
    await loaded('stock-table');
    expect(await t.page.getByTestId('suggest-region').inputValue()).toBe('south');
    expect(await t.page.getByTestId('suggest-category').inputValue()).toBe('STAPLES');
    expect(await t.page.getByLabel('Status').inputValue()).toBe('low');
    await expect.poll(() => rows('stock-table').allInnerTexts()).toEqual([expect.stringContaining('Aashirvaad Atta')]);
  });

  it('opens the low-stock list from a shared link, with the same filters applied', async () => {
    await t.page.getByRole('button', { name: /Low-stock items/ }).click();
    await expect.poll(query).toMatchObject({ alert: 'low' });
    const link = t.page.url();
    const other = await t.page.context().newPage();
    t.consoleErrors.watch(other);
    await other.goto(link);
    // A new tab shares the sign-in; the list opens where the link points.
    const dialog = other.getByRole('dialog', { name: 'Low stock' });
    await dialog.waitFor();
    await other.getByTestId('stock-alert-table').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
    await expect.poll(() => other.getByTestId('stock-alert-table').locator('tbody tr:not(.skeleton-row)').allInnerTexts()).toEqual([expect.stringContaining('Aashirvaad Atta')]);
    await t.shot('filters-01-low-stock-from-link', other);
    await other.close();
    await t.page.getByRole('dialog', { name: 'Low stock' }).getByRole('button', { name: 'Close' }).click();
    await expect.poll(query).toEqual({ region: 'south', category: 'STAPLES', status: 'low' });
  });

  it('finds stock by barcode and by store name, and keeps a picked store by name through a reload', async () => {
    await t.page.goto(`${t.hub.url}/stock`);
    await loaded('stock-table');
    const search = t.page.getByLabel('Search', { exact: true });
    await search.fill('8901030865278');
    await expect.poll(() => rows('stock-table').allInnerTexts()).toEqual(Array(4).fill(expect.stringContaining('Lux Soap 100 g')));
    await t.shot('filters-02-stock-by-barcode');
    await search.fill('karol');
    await expect.poll(() => rows('stock-table').allInnerTexts()).toEqual(Array(6).fill(expect.stringContaining('Karol Bagh')));
    await search.fill('');
    const store = t.page.getByLabel('Store', { exact: true });
    await store.click();
    await store.fill('Dadar');
    await t.page.getByRole('option', { name: /Dadar/ }).click();
    await expect.poll(query).toEqual({ store: t.seed.dadar.id });
    await t.page.reload();
    await loaded('stock-table');
    await expect.poll(() => rows('stock-table').allInnerTexts()).toEqual(Array(6).fill(expect.stringContaining('Dadar')));
    await expect.poll(() => t.page.getByLabel('Store', { exact: true }).inputValue().catch(() => '')).toContain('Dadar');
    await t.shot('filters-03-stock-store-from-url');
  });

  it('filters products by a suggested category in any case, kept in the address', async () => {
    await t.page.goto(`${t.hub.url}/products`);
    await loaded('products-table');
    await t.page.getByTestId('suggest-category').fill('pul');
    await expect.poll(async () => suggestions('category').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Pulses']);
    await t.page.getByTestId('suggest-category').fill('pulses');
    await expect.poll(() => rows('products-table').allInnerTexts()).toEqual([expect.stringContaining('Toor Dal 1 kg')]);
    await expect.poll(query).toEqual({ category: 'pulses' });
    await t.page.reload();
    await loaded('products-table');
    expect(await t.page.getByTestId('suggest-category').inputValue()).toBe('pulses');
    await expect.poll(() => rows('products-table').allInnerTexts()).toEqual([expect.stringContaining('Toor Dal 1 kg')]);
    await t.page.getByTestId('suggest-category').fill('');
    await t.page.getByLabel('Search', { exact: true }).fill('8901030865278');
    await expect.poll(() => rows('products-table').allInnerTexts()).toEqual([expect.stringContaining('Lux Soap 100 g')]);
    await t.shot('filters-04-products-category');
  });

  it('lists a product a store carries but never stocked as out of stock, for the chain and for one store', async () => {
    await t.page.goto(`${t.hub.url}/stock?alert=out`);
    const dialog = t.page.getByRole('dialog', { name: 'Out of stock' });
    await dialog.waitFor();
    const never = () => dialog.getByTestId('never-stocked-table').locator('tbody tr');
    await expect.poll(() => never().allInnerTexts()).toEqual(Array(4).fill(expect.stringContaining('Maggi Noodles 70 g')));
    await expect(dialog.getByRole('heading', { name: 'Never stocked here (4)' }).isVisible()).resolves.toBe(true);
    await t.shot('filters-05-out-of-stock-never-stocked');
    await t.page.goto(`${t.hub.url}/stock?store=${t.seed.jay.id}&alert=out`);
    await dialog.waitFor();
    await expect.poll(() => never().allInnerTexts()).toEqual([expect.stringContaining('Jayanagar')]);
    // The store's real out-of-stock row is still listed above it.
    await expect.poll(() => dialog.getByTestId('stock-alert-table').locator('tbody tr:not(.skeleton-row)').allInnerTexts()).toEqual([expect.stringContaining('Red Label Tea')]);
    await t.shot('filters-06-out-of-stock-one-store');
  });

  it("counts the never-stocked products in the Overview's Out, as the out-of-stock report and its CSV do", async () => {
    const report = await t.api.call<{ total: number; neverStocked: number }>('GET', '/reports/out-of-stock');
    // Jayanagar's sold-out tea, and Maggi in each of the four stores.
    expect([report.total, report.neverStocked]).toEqual([5, 4]);
    await t.page.goto(`${t.hub.url}/`);
    const card = t.page.getByTestId('kpi-out');
    await expect.poll(() => card.locator('.kpi-value').textContent()).toBe('5');
    await expect(card.textContent()).resolves.toContain('1 at zero, 4 never stocked');
    await t.shot('filters-07-overview-out-counts-never-stocked');
    await card.click();
    const dialog = t.page.getByRole('dialog', { name: 'Out of stock' });
    await dialog.waitFor();
    await expect.poll(query).toEqual({ alert: 'out' });
    await expect.poll(() => dialog.getByTestId('never-stocked-table').locator('tbody tr').count()).toBe(4);
    await loaded('stock-alert-table');
    const [download] = await Promise.all([t.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    expect(csv).toHaveLength(1 + report.total);
    expect(csv.filter((r) => r.includes('MAGGI-70'))).toHaveLength(4);
  });
});
