import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubSettings, LoginResult } from '@bazaar/shared';
import { PASSWORD, type ApiSeeder } from './seed';
import { openTab, signInAs } from './sign-in';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, parseCsv, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

/*
 * The hub's currency (issue 15): chosen when the first account sets the hub up, shown in English
 * as Rs on a PKR hub and ₹ on an INR hub, named in CSV headers, and changed by an admin in Settings.
 */
const suite = browserTestSuite("the hub's currency in the head-office app");

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let api: ApiSeeder;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({ suite, consoleErrors, prepare: async () => null, ready: (c) => ({ hub, api, browser } = c) });

  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', acceptDownloads: true });
    // A browser that last showed Urdu: the hub's default (English) is what a new person sees.
    await context.addInitScript(() => window.localStorage.setItem('bazaar.web.locale', 'en'));
    page = await context.newPage();
    consoleErrors.watch(page);
  });
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const priceCell = () => page.getByTestId('products-table').locator('tbody tr').filter({ hasText: 'KARACHI-CHAI' }).first();

  it('the first account sets up a PKR hub in English, and amounts read Rs', async () => {
    await page.goto(`${hub.url}/sign-in`);
    await page.getByTestId('first-account').waitFor();
    await page.getByLabel('Full name').fill('Bilal Ahmed');
    await page.getByLabel('Username').fill('owner');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByTestId('hub-currency').selectOption('PKR');
    await page.getByTestId('hub-default-locale').selectOption('en');
    await expect(page.getByTestId('hub-money').textContent()).resolves.toMatch(/Rs\s1,234,567\.89/);
    await shot('currency-01-first-setup');
    await page.getByRole('button', { name: /create account/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    api.token = (await api.call<LoginResult>('POST', '/auth/login', { username: 'owner', password: PASSWORD }, '')).token;
    expect(await api.call<HubSettings>('GET', '/settings')).toMatchObject({ currency: 'PKR', currencySymbol: 'Rs', defaultLocale: 'en' });
    const supplier = await api.supplier('Saddar Wholesale', '+92 21 3500 1000');
    await api.product({ sku: 'KARACHI-CHAI', name: 'Tapal Danedar 900 g', unit: 'pc', category: 'Beverages', supplierId: supplier.id, priceMinor: 145050, costMinor: 132000, reorderLevel: 5 });

    await openTab(page, 'Products');
    await priceCell().waitFor();
    await expect(priceCell().textContent()).resolves.toMatch(/Rs\s1,450\.50/);
    expect(await priceCell().textContent()).not.toContain('₹');
    await shot('currency-02-products-pkr');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).first().click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8')).filter((r) => r.some((c) => c !== ''));
    const header = csv[0]!;
    expect(header).toContain('Price (PKR)');
    const row = csv.find((r) => r.includes('KARACHI-CHAI'))!;
    expect(row[header.indexOf('Price (PKR)')]).toBe('1450.50');
  });

  it('a head-office user in Karachi reads the reports in English, amounts in Rs, days on Karachi’s clock', async () => {
    const store = await api.call<{ id: string }>('POST', '/stores', { code: 'KHI-01', name: 'Saddar Kiryana', region: 'Sindh', location: 'Saddar, Karachi', timeZone: 'Asia/Karachi' });
    const chai = (await api.call<{ items: { id: string; sku: string }[] }>('GET', '/products?q=KARACHI-CHAI')).items.find((p) => p.sku === 'KARACHI-CHAI')!;
    await api.call('POST', '/stock-movements', { storeId: store.id, productId: chai.id, kind: 'IN', qty: 24 });
    await api.call('POST', '/stock-movements', { storeId: store.id, productId: chai.id, kind: 'SALE', qty: -3, unitPriceMinor: 145050 });
    await api.user('karachi-ho', 'Sana Qureshi', PASSWORD, 'manager', [store.id]);
    // Tall enough for the whole Overview, so the sidebar (one screen high) is not cut in the picture.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1500 }, reducedMotion: 'reduce', timezoneId: 'Asia/Karachi', locale: 'en-PK' });
    const karachi = await context.newPage();
    consoleErrors.watch(karachi);
    try {
      await signInAs(karachi, hub.url, 'karachi-ho');
      await karachi.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      // 3 × Rs 1,450.50 sold today, on Karachi's day.
      await expect.poll(() => karachi.getByTestId('kpi-sales-today').textContent()).toMatch(/Rs\s4,351\.50/);
      expect(await karachi.locator('main').textContent()).not.toContain('₹');
      await karachi.getByTestId('stock-value-card').getByText(/Rs/).first().waitFor();
      await karachi.mouse.move(0, 0);
      await karachi.screenshot({ path: path.join(screenshotDir, 'done-when-05-karachi-head-office-english.png') });
    } finally {
      await context.close();
    }
  });

  it('an admin changes the hub to INR in Settings, and the same price reads ₹', async () => {
    await openTab(page, 'Settings');
    const section = page.getByTestId('hub-money-section');
    await expect(section.getByTestId('hub-currency').inputValue()).resolves.toBe('PKR');
    await section.getByTestId('hub-currency').selectOption('INR');
    await section.getByTestId('hub-money-save').click();
    await section.getByRole('status').waitFor();
    await shot('currency-03-settings-inr');
    expect(await api.call<HubSettings>('GET', '/settings')).toMatchObject({ currency: 'INR', currencySymbol: '₹' });

    await openTab(page, 'Products');
    await priceCell().waitFor();
    await expect(priceCell().textContent()).resolves.toContain('₹1,450.50');
    expect(await priceCell().textContent()).not.toContain('Rs');
  });

  it("a store's language is set in the store form: a Delhi store in Hindi on an English hub", async () => {
    await openTab(page, 'Stores');
    await page.getByRole('button', { name: 'New store' }).first().click();
    const form = page.getByRole('form', { name: 'New store' });
    await form.getByLabel('Code').fill('DEL-01');
    await form.getByLabel('Name').fill('Chandni Chowk Kirana');
    await form.getByLabel('Time zone').fill('Asia/Kolkata');
    // Nothing chosen: the hub's default, said by name.
    await expect(form.getByTestId('store-language').locator('option:checked').textContent()).resolves.toBe('The hub’s default (English)');
    await form.getByTestId('store-language').selectOption('hi');
    await shot('currency-04-store-language');
    await form.getByRole('button', { name: 'Create store' }).click();
    await form.waitFor({ state: 'detached' });
    const stores = await api.call<{ items: { code: string; defaultLocale: string | null; timeZone: string }[] }>('GET', '/stores');
    expect(stores.items.find((x) => x.code === 'DEL-01')).toMatchObject({ defaultLocale: 'hi', timeZone: 'Asia/Kolkata' });
  });
});
