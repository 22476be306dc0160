import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatMoney, formatQuantity, type Page as ApiPage, type StockListItem } from '@bazaar/shared';
import { PASSWORD, seedHub, type ApiSeeder } from './seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, parseCsv, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

type Seed = Awaited<ReturnType<typeof seedHub>>;

const suite = browserTestSuite('head-office dashboard in a real browser');

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  let api: ApiSeeder;
  let seed: Seed;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({ suite, consoleErrors, prepare: seedHub, ready: (c) => ({ hub, api, browser, seed } = c) });

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  const nav = async (label: string) => {
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
  };
  const tableRows = (testId: string) => page.getByTestId(testId).locator('tbody tr:not(.skeleton-row)');
  const waitLoaded = (testId: string) => page.getByTestId(testId).getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  const pick = async (field: string, text: string, option: RegExp, root: Page | Locator = page) => {
    const input = root.getByLabel(field, { exact: true });
    await input.click();
    await input.fill(text);
    await page.getByRole('option', { name: option }).click();
  };
  async function signIn(username: string) {
    await page.goto(`${hub.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }

  it('shows the sign-in page to a visitor, with registration one click away', async () => {
    await page.goto(`${hub.url}/stock`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await shot('00-sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await shot('00-register');
  });

  it('signs the admin in and shows an overview whose numbers match the API', async () => {
    await signIn('owner');
    await expect(page.getByTestId('user-chip').textContent()).resolves.toContain('Asha Rao');
    const count = async (path: string) => (await api.call<ApiPage<unknown>>('GET', path)).items.length;
    const day = new Date();
    const from = new Date(day.getFullYear(), day.getMonth(), day.getDate()).toISOString();
    const to = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999).toISOString();
    const sales = await api.call<{ items: { revenueMinor: number }[] }>(
      'GET',
      `/reports/sales?groupBy=day&from=${from}&to=${to}`,
    );
    const expected: Record<string, string> = {
      'kpi-products': String(await count('/products?limit=500&archived=false')),
      'kpi-stores': String(await count('/stores?limit=500&archived=false')),
      'kpi-low': String((await api.call<{ totals: { low: number } }>('GET', '/stocks/counts')).totals.low),
      // Stocked rows at zero plus carried products never stocked (none here: every store received all six).
      'kpi-out': String(await api.call<{ totals: { out: number; neverStocked: number } }>('GET', '/stocks/counts').then(({ totals }) => totals.out + totals.neverStocked)),
      'kpi-sales-today': formatMoney(sales.items.reduce((s, r) => s + r.revenueMinor, 0)),
      'kpi-conflicts': String(await count('/conflicts?limit=500&status=open')),
    };
    expect(expected['kpi-conflicts']).toBe('1');
    expect(expected['kpi-low']).toBe('3');
    expect(expected['kpi-out']).toBe('1');
    // The counters the cards read agree with the rows the stock list shows.
    expect(String(await count('/stocks?limit=500&status=low'))).toBe(expected['kpi-low']);
    expect(String(await count('/stocks?limit=500&status=out'))).toBe(expected['kpi-out']);
    for (const [id, value] of Object.entries(expected)) {
      await expect.poll(() => page.getByTestId(id).locator('.kpi-value').textContent(), { message: id }).toBe(value);
    }
    await page.locator('.recharts-surface').first().waitFor();
    // The sales chart's days read as the locale's short date ("3 Nov"), never "11-03".
    // (The day axis's ticks: the money axis's start with ₹.)
    const ticks = page.locator('.chart-card').first().locator('.recharts-cartesian-axis-tick-value');
    const dayTicks = async () => (await ticks.allTextContents()).filter((d) => !d.includes('₹'));
    await expect.poll(async () => (await dayTicks()).length).toBeGreaterThan(2);
    const days = await dayTicks();
    for (const d of days) expect(d).toMatch(/^\d{1,2} [A-Z][a-z]{2}( \d{4})?$/);
    await page.mouse.move(0, 0);
    await shot('01-overview');
    await page.screenshot({ path: path.join(screenshotDir, '01-overview-full.png'), fullPage: true });
  });

  it('filters stock to the low items of one store, matching the API row for row', async () => {
    await nav('Stock');
    await waitLoaded('stock-table');
    await shot('02-stock');
    await pick('Store', 'Jaya', /Jayanagar/);
    await page.getByLabel('Status').selectOption('low');
    const expected = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&status=low`);
    expect(expected.items.map((r) => r.sku).sort()).toEqual(['ATTA-AASH-10', 'SOAP-LUX-100']);
    await expect.poll(() => tableRows('stock-table').count()).toBe(expected.items.length);
    for (const item of expected.items) {
      const row = tableRows('stock-table').filter({ hasText: item.sku });
      await expect(row.textContent()).resolves.toContain('Jayanagar');
      await expect(row.textContent()).resolves.toContain(formatQuantity(item.qty, item.unit));
      await expect(row.textContent()).resolves.toContain('Low');
    }
    await shot('02-stock-filtered');
  });

  it('opens the low-stock dialog for that store', async () => {
    await page.getByRole('button', { name: /Low-stock items/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Low stock' });
    await dialog.waitFor();
    await waitLoaded('stock-alert-table');
    await expect.poll(() => tableRows('stock-alert-table').count()).toBe(2);
    await expect(tableRows('stock-alert-table').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Aashirvaad Atta'), expect.stringContaining('Lux Soap')]),
    );
    await shot('03-low-stock-dialog');
    // This export comes from the hub's report CSV (?format=csv), not from the page.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    const sku = (csv[0] ?? []).indexOf('sku');
    expect(csv.slice(1).map((r) => r[sku]).sort()).toEqual(['ATTA-AASH-10', 'SOAP-LUX-100']);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('exports the filtered stock as CSV with the same rows as the API', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stock-table').getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const file = await download.path();
    const rows = parseCsv(readFileSync(file, 'utf8')).filter((r) => r.some((c) => c !== ''));
    const header = rows[0] ?? [];
    const skuCol = header.findIndex((h) => h.toLowerCase() === 'sku');
    const qtyCol = header.findIndex((h) => /^(qty|quantity)$/i.test(h));
    expect(skuCol).toBeGreaterThanOrEqual(0);
    expect(qtyCol).toBeGreaterThanOrEqual(0);
    const expected = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&status=low`);
    const body = rows.slice(1);
    expect(body.length).toBe(expected.items.length);
    for (const item of expected.items) {
      const line = body.find((r) => r[skuCol] === item.sku);
      expect(line, `CSV row for ${item.sku}`).toBeDefined();
      expect(Number(line?.[qtyCol])).toBe(item.qty);
      // Every quantity says its unit (the one prices are per).
      expect(line?.[header.indexOf('Unit')]).toBe('pc');
      // Times are local with their offset (no UTC "Z"), and the same instant as the API's.
      const updated = line?.[header.indexOf('Updated')] ?? '';
      expect(updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
      expect(Date.parse(updated.replace(' ', 'T').replace(' ', ''))).toBe(Math.floor(Date.parse(item.updatedAt) / 1000) * 1000);
    }
  });

  it('opens a product drill-down with its stock in every store and its history', async () => {
    await tableRows('stock-table').filter({ hasText: 'ATTA-AASH-10' }).click();
    const dialog = page.getByRole('dialog', { name: /Aashirvaad Atta/ });
    await dialog.waitFor();
    await waitLoaded('drilldown-stock');
    await expect.poll(() => tableRows('drilldown-stock').count()).toBe(4);
    // 40 in each of four stores, 36 sold in Jayanagar.
    await expect(page.getByTestId('drilldown-total').textContent()).resolves.toBe(formatQuantity(4 * 40 - 36, 'pc'));
    await waitLoaded('drilldown-movements');
    await expect.poll(() => tableRows('drilldown-movements').count()).toBe(5);
    await shot('04-product-drilldown');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('records a stock-in from a stock row and shows the new quantity', async () => {
    const row = tableRows('stock-table').filter({ hasText: 'ATTA-AASH-10' });
    await row.getByRole('button', { name: 'Record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a movement' });
    await dialog.getByText('Stock in', { exact: true }).click();
    await dialog.getByLabel('Quantity').fill('10');
    await shot('04-record-movement');
    await dialog.getByRole('button', { name: 'Record stock in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 4 + 10 = 14 is above the reorder level of 6: the row leaves the low-stock filter.
    const after = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&productId=${seed.atta.id}`);
    expect(after.items[0]?.qty).toBe(14);
    await expect.poll(() => tableRows('stock-table').count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await expect.poll(() => tableRows('stock-table').filter({ hasText: 'ATTA-AASH-10' }).textContent()).toContain('14 pc');
  });

  it('sorts Quantity within each unit and exports weights in kg with a unit column', async () => {
    // Jayanagar holds pieces, grams of rice and millilitres of oil: sorted by quantity, the units never interleave.
    await expect.poll(() => tableRows('stock-table').count()).toBe(6);
    await page.getByTestId('stock-table').getByRole('button', { name: 'Quantity' }).click();
    const units = async () => (await tableRows('stock-table').locator('td.align-right .qty').allInnerTexts()).map((q) => q.split(' ').at(-1));
    const kinds = (await units()).map((u) => (u === 'kg' || u === 'g' ? 'weight' : u === 'L' || u === 'ml' ? 'volume' : 'pieces'));
    // Each unit in one run (largest first on the first click): no weight between two piece counts.
    const runs = kinds.filter((k, i) => k !== kinds[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBe(3);
    await shot('02-stock-sorted-by-quantity');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stock-table').getByRole('button', { name: 'Export CSV' }).click()]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    const [header = [], ...body] = rows;
    const rice = body.find((r) => r[header.indexOf('SKU')] === 'RICE-SONA-5');
    const api50 = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&q=RICE-SONA-5`);
    expect(rice?.[header.indexOf('Quantity')]).toBe(String(api50.items[0]!.qty / 1000));
    expect(rice?.[header.indexOf('Unit')]).toBe('kg');
    expect(body.find((r) => r[header.indexOf('SKU')] === 'OIL-SUN-1L')?.[header.indexOf('Unit')]).toBe('L');
    await page.getByTestId('stock-table').getByRole('button', { name: /Quantity/ }).click();
    await page.getByTestId('stock-table').getByRole('button', { name: /Quantity/ }).click();
  });

  it('asks before a count that moves stock a lot, showing before → after in display units', async () => {
    const row = tableRows('stock-table').filter({ hasText: 'ATTA-AASH-10' });
    await row.getByRole('button', { name: 'Record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a movement' });
    await dialog.getByText('Count', { exact: true }).click();
    // The field says what a bare number means for this product.
    expect(await dialog.getByText(/A plain number is in pieces/).count()).toBe(1);
    await dialog.getByLabel('Counted quantity').fill('5');
    await dialog.getByRole('button', { name: 'Record count' }).click();
    await expect.poll(() => dialog.getByTestId('big-change').innerText()).toContain('from 14 pc to 5 pc');
    await shot('04-record-count-confirm');
    // Off by 9 pieces: under the store's 10, so no conflict, but a big change all the same. Nothing is written until it is pressed again.
    const before = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&productId=${seed.atta.id}`);
    expect(before.items[0]?.qty).toBe(14);
    await dialog.getByRole('button', { name: 'Record it anyway' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await api.call<ApiPage<StockListItem>>('GET', `/stocks?storeId=${seed.jay.id}&productId=${seed.atta.id}`);
    expect(after.items[0]?.qty).toBe(5);
  });

  it('shows the API field error for a duplicate SKU, then creates the product', async () => {
    // The hub answers the duplicate with 409, which the browser logs.
    consoleErrors.allow(/status of 409 .*\/api\/v1\/products\)$/);
    await nav('Products');
    await waitLoaded('products-table');
    await page.getByRole('button', { name: 'New product' }).click();
    const dialog = page.getByRole('dialog', { name: 'New product' });
    await dialog.getByLabel('SKU').fill('DAL-TOOR-1');
    await dialog.getByLabel('Name').fill('Toor Dal Premium 1 kg');
    await dialog.getByLabel('Category (optional)').fill('Pulses');
    await dialog.getByLabel('Selling price').fill('185.50');
    await dialog.getByLabel('Cost').fill('160');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    const skuError = dialog.locator('.field', { has: page.getByLabel('SKU') }).locator('[data-field-error]');
    await skuError.waitFor();
    await expect(skuError.textContent()).resolves.toMatch(/already exists/i);
    await shot('05-products-duplicate-sku');
    await dialog.getByLabel('SKU').fill('DAL-TOOR-1-PREM');
    await dialog.getByRole('button', { name: 'Create product' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const created = tableRows('products-table').filter({ hasText: 'DAL-TOOR-1-PREM' });
    await created.waitFor();
    await expect(created.textContent()).resolves.toContain(formatMoney(18550));
    await shot('05-products');
  });

  it('finds the new product in the activity log, with the chain verified', async () => {
    await nav('Activity logs');
    await page.getByTestId('chain-status').waitFor();
    await expect(page.getByTestId('chain-status').textContent()).resolves.toContain('intact');
    await page.getByLabel('Search').fill('DAL-TOOR-1-PREM');
    await expect.poll(() => tableRows('audit-table').count()).toBe(1);
    await expect(tableRows('audit-table').first().textContent()).resolves.toContain('Product added');
    await shot('06-activity-logs');
  });

  it('lists stores, suppliers and movements', async () => {
    await nav('Stores');
    await waitLoaded('stores-table');
    await expect.poll(() => tableRows('stores-table').count()).toBe(4);
    await shot('07-stores');
    await nav('Suppliers');
    await waitLoaded('suppliers-table');
    await expect.poll(() => tableRows('suppliers-table').count()).toBe(2);
    await shot('08-suppliers');
    await nav('Movements');
    await waitLoaded('movements-table');
    // One page of 50 from the API cursor, then the rest on request.
    const all = await api.call<ApiPage<unknown>>('GET', '/stock-movements?limit=500');
    expect(all.items.length).toBeGreaterThan(50);
    const count = page.getByTestId('movements-table').getByTestId('row-count');
    await expect(count.textContent()).resolves.toBe('50+ rows');
    await expect.poll(() => tableRows('movements-table').count()).toBe(50);
    await shot('09-movements');
    await page.getByTestId('movements-table').getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => count.textContent()).toBe(`${all.items.length} rows`);
  });

  it('enrolls a counter and shows its token once, with a QR code', async () => {
    await nav('Devices');
    await page.getByRole('button', { name: 'Enroll counter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enroll a counter' });
    await pick('Store', 'Dadar', /Dadar/, dialog);
    await dialog.getByLabel('Counter name').fill('Till 1');
    await dialog.getByRole('button', { name: 'Enroll counter' }).click();
    await page.getByTestId('enroll-qr').waitFor();
    await expect(page.getByTestId('device-token').inputValue()).resolves.toMatch(/.{20,}/);
    await shot('10-devices-enroll');
    await dialog.getByRole('button', { name: /Done/ }).click();
    await expect.poll(() => tableRows('devices-table').count()).toBe(1);
    await shot('10-devices');
  });

  it('says which counters archiving a store revokes before it does (and nothing happens on Cancel)', async () => {
    await nav('Stores');
    await waitLoaded('stores-table');
    const row = tableRows('stores-table').filter({ hasText: 'Dadar' }).first();
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
    await row.getByRole('button', { name: 'Archive' }).click();
    const question = await asked;
    expect(question).toContain('Its counter Till 1 is revoked at once.');
    expect(question).toContain('not lost');
    const devices = await api.call<ApiPage<{ revokedAt: string | null }>>('GET', '/devices');
    expect(devices.items.every((d) => d.revokedAt === null)).toBe(true);
  });

  it("moves a store onto Lahore's clock from its edit form, leaving everything else as it was", async () => {
    await nav('Stores');
    await waitLoaded('stores-table');
    const row = tableRows('stores-table').filter({ hasText: 'Dadar' }).first();
    const before = (await api.call<ApiPage<{ name: string; timeZone: string; varianceThreshold: number; region: string | null }>>('GET', '/stores?q=Dadar')).items[0]!;
    expect(before.timeZone).toBe('Asia/Kolkata');
    await row.getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: 'Edit store' });
    await form.getByLabel('Time zone').fill('Asia/Karachi');
    await shot('07-store-time-zone');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Asia/Karachi');
    const after = (await api.call<ApiPage<typeof before>>('GET', '/stores?q=Dadar')).items[0]!;
    expect(after).toEqual({ ...before, timeZone: 'Asia/Karachi', updatedAt: expect.any(String) });
    // An unknown zone is refused with the hub's reason, nothing saved.
    await row.getByRole('button', { name: /^Edit/ }).click();
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => form.textContent()).toContain('IANA time zone');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect((await api.call<ApiPage<typeof before>>('GET', '/stores?q=Dadar')).items[0]!.timeZone).toBe('Asia/Karachi');
    await api.call('PATCH', `/stores/${(after as unknown as { id: string }).id}`, { timeZone: 'Asia/Kolkata' });
  });

  it('shows conflicts, users and settings to the admin', async () => {
    await nav('Conflicts');
    await waitLoaded('conflicts-table');
    await expect.poll(() => tableRows('conflicts-table').count()).toBe(1);
    const conflict = tableRows('conflicts-table').first();
    await expect(conflict.textContent()).resolves.toContain('Negative stock');
    await expect(conflict.textContent()).resolves.toContain('Jayanagar');
    // What happened is told in words with display units, not as stored fields.
    await expect.poll(() => conflict.innerText()).toMatch(/Stock went from \S+ (pc|g|kg|ml|L) to -\S+ (pc|g|kg|ml|L)/);
    expect(await conflict.innerText()).not.toMatch(/previousQty|qty:|\{/);
    await shot('11-conflicts');
    await conflict.getByRole('button', { name: 'Resolve…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve conflict' });
    await expect.poll(() => dialog.getByTestId('conflict-words').innerText()).toMatch(/^Stock went from /);
    expect(await dialog.innerText()).not.toContain('previousQty');
    await dialog.getByLabel('Resolution note').fill('Counted the shelf: two packs were sold from the back store.');
    await shot('11-conflicts-resolve');
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => tableRows('conflicts-table').filter({ hasText: 'Negative stock' }).count()).toBe(0);
    const open = await api.call<ApiPage<unknown>>('GET', '/conflicts?status=open');
    expect(open.items).toHaveLength(0);
    await nav('Users');
    await waitLoaded('users-table');
    await expect.poll(() => tableRows('users-table').count()).toBe(2);
    await shot('12-users');
    await nav('Settings');
    await page.getByText('Hub status').waitFor();
    await shot('13-settings');
  });

  it("shows a manager only that manager's stores", async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn('meera');
    const navLinks = await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link').allTextContents();
    expect(navLinks.join(' ')).not.toContain('Settings');
    await nav('Stock');
    await waitLoaded('stock-table');
    const stores = new Set<string>();
    for (const text of await tableRows('stock-table').allTextContents()) {
      const name = ['Jayanagar', 'Indiranagar', 'Karol Bagh', 'Dadar'].find((n) => text.includes(n));
      if (name) stores.add(name);
    }
    expect([...stores].sort()).toEqual(['Dadar', 'Karol Bagh']);
    await shot('14-manager-stock');
    await nav('Stores');
    await waitLoaded('stores-table');
    await expect.poll(() => tableRows('stores-table').count()).toBe(2);
    await expect(page.getByRole('button', { name: 'New store' }).count()).resolves.toBe(0);
    await shot('15-manager-stores');
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The side menu folds away on a phone: open it first.
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav('Stock');
    await waitLoaded('stock-table');
    // The top bar stays one line, and nothing in it runs off the screen.
    const bar = await page.locator('header.topbar').evaluate((h) => ({ height: h.getBoundingClientRect().height, scroll: h.scrollWidth, client: h.clientWidth }));
    expect(bar.height).toBeLessThanOrEqual(64);
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    expect(((await page.getByRole('button', { name: 'Sign out' }).boundingBox())?.x ?? 999) + 10).toBeLessThanOrEqual(390);
    // Quantity and status, the numbers a person came for, are on screen without scrolling sideways.
    const inView = async (table: string, header: string) => {
      const box = await page.getByTestId(table).getByRole('columnheader', { name: header }).boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 390;
    };
    expect(await inView('stock-table', 'Quantity')).toBe(true);
    expect(await inView('stock-table', 'Status')).toBe(true);
    const first = tableRows('stock-table').first();
    expect(await first.innerText()).toMatch(/\d (pc|kg|g|L|ml)\b/);
    await shot('16-phone-stock');
    await page.getByRole('button', { name: /Low-stock items/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Low stock' });
    await waitLoaded('stock-alert-table');
    expect(await inView('stock-alert-table', 'Quantity')).toBe(true);
    expect(await inView('stock-alert-table', 'Status')).toBe(true);
    // Dal is low in Dadar (5 of 8 pieces): its quantity is shown on the phone.
    await expect.poll(() => tableRows('stock-alert-table').filter({ hasText: 'Toor Dal' }).innerText()).toContain('5 pc');
    await shot('16-phone-low-stock-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('button', { name: 'Change password' }).isVisible()).resolves.toBe(true);
    await shot('16-phone-menu');
  });

  it('ran against the hub as main.ts composes it: the pages were served through its response cache and rate limits', async () => {
    // The overview opened by two admins in turn, nothing written between: the second one's reports come from the hub's
    // response cache (each browser keeps its own copy for 15 s, so one browser alone would not ask again).
    const seen: string[][] = [];
    for (let visit = 0; visit < 2; visit++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const other = await context.newPage();
      const mine: string[] = [];
      seen.push(mine);
      other.on('response', (r) => {
        if (r.url().includes('/api/v1/reports/')) mine.push(r.headers()['x-cache'] ?? 'none');
      });
      await other.goto(`${hub.url}/`);
      await other.getByLabel('Username').fill('owner');
      await other.getByLabel('Password').fill(PASSWORD);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await other.locator('.recharts-surface').first().waitFor();
      await other.waitForLoadState('networkidle');
      await context.close();
    }
    expect(seen[0]!.length).toBeGreaterThan(0);
    expect(seen[1]).toContain('hit');
    const auth = { headers: { Authorization: `Bearer ${api.token}` } };
    expect((await fetch(`${hub.url}/api/v1/stores`, auth)).headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    const res = await fetch(`${hub.url}/api/v1/metrics`, auth);
    expect(res.status).toBe(200);
    const hits = /^hub_cache_lookups_total\{result="hit"\} (\d+)/m.exec(await res.text());
    expect(Number(hits?.[1] ?? 0)).toBeGreaterThan(0);
  });
  it('keeps the overview whole on a phone: today\'s sales uncut, long store names on the stock-value chart, and an empty chart that says there is no stock', async () => {
    const long = await api.store('BLR-09', 'Basavanagudi Gandhi Bazaar Kirana', 'South');
    await api.move(long.id, seed.atta.id, 'IN', 12);
    const empty = await api.store('BLR-10', 'Whitefield', 'South');
    await api.user('ravi', 'Ravi Kumar', PASSWORD, 'manager', [empty.id]);
    const signInPhone = async (username: string) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
      const phone = await context.newPage();
      consoleErrors.watch(phone);
      await phone.goto(`${hub.url}/sign-in`);
      await phone.getByLabel('Username').fill(username);
      await phone.getByLabel('Password').fill(PASSWORD);
      await phone.getByRole('button', { name: 'Sign in' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      return phone;
    };
    let phone = await signInPhone('owner');
    const today = phone.getByTestId('kpi-sales-today').locator('.kpi-value');
    await expect.poll(() => today.textContent()).toMatch(/^₹/);
    const fit = await today.evaluate((v) => ({ scroll: v.scrollWidth, client: v.clientWidth, height: v.getBoundingClientRect().height, font: parseFloat(getComputedStyle(v).fontSize) }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    // On one line: a figure broken in two reads as two numbers.
    expect(fit.height).toBeLessThan(fit.font * 2);
    const card = phone.getByTestId('stock-value-card');
    await card.locator('.recharts-surface').waitFor();
    await expect.poll(() => card.locator('.name-tick').count()).toBeGreaterThanOrEqual(5);
    const ticks = await card.evaluate((c) => {
      const svg = c.querySelector('.recharts-surface')!.getBoundingClientRect();
      return [...c.querySelectorAll('.name-tick')].map((el) => {
        const r = el.getBoundingClientRect();
        return { words: [...el.querySelectorAll('tspan')].map((t) => t.textContent).join(' '), inside: r.left >= svg.left - 1 && r.right <= svg.right + 1 && r.top >= svg.top - 1 && r.bottom <= svg.bottom + 1 };
      });
    });
    expect(ticks.map((t) => t.words)).toContain('Basavanagudi Gandhi Bazaar Kirana');
    expect(ticks.filter((t) => !t.inside)).toEqual([]);
    await phone.mouse.move(0, 0);
    await phone.screenshot({ path: path.join(screenshotDir, 'overview-phone-stock-value.png'), fullPage: true });
    // A manager of a store with nothing on its shelves yet: the chart says so, not "no sales".
    await phone.context().close();
    phone = await signInPhone('ravi');
    await expect.poll(() => phone.getByTestId('stock-value-card').innerText()).toContain('No stock in any of these stores yet.');
    expect(await phone.getByTestId('stock-value-card').innerText()).not.toContain('No sales');
    await phone.screenshot({ path: path.join(screenshotDir, 'overview-empty-stock-value.png'), fullPage: true });
    await phone.context().close();
  });
});
