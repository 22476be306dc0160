import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOverflows } from '../../test-support/text-overflow.check';
import { browserTestSuite, checkEachTest, screenshot, type ConsoleErrors } from './support/browser';
import { ConsoleErrors as Watch } from '../../test-support/console-errors.watch';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * The counter in Urdu and Hindi: chosen before sign-in, kept for the person, switched at once
 * from the header; right to left for Urdu with SKUs and amounts left to right; every screen
 * photographed (e2e/output/screenshots/i18n-*) and checked for text that does not fit its box.
 */
const PORT = 8836;
const PIN = '1357';
const screens = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8'] as const;

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter app in Urdu and Hindi');

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  // The bridge answers a sign-out with no value, which its client reads as malformed; the session ends all the same.
  await counter.api.signOut().catch(() => undefined);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = new Watch().watch(page);
  // A counter that was last used in Urdu opens in Urdu.
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('bazaar.locale')) window.localStorage.setItem('bazaar.locale', 'ur');
  });
  await page.goto(counter.url);
});

checkEachTest(() => ({ page, errors }));

endAfterAll(() => [browser, counter]);

async function visitEveryScreen(lang: 'ur' | 'hi'): Promise<void> {
  for (const [i, key] of screens.entries()) {
    const before = await page.locator('h1').first().textContent();
    await page.keyboard.press(key);
    if (i > 0) await expect.poll(() => page.locator('h1').first().textContent()).not.toBe(before);
    await page.waitForLoadState('networkidle');
    await screenshot(page, `i18n-${lang}-${String(i + 1).padStart(2, '0')}-${key}`);
    expect(await textOverflows(page), `${lang} ${key}`).toEqual([]);
  }
}

describe.skipIf(suite.skip)(suite.title, () => {
  it('opens in Urdu, right to left, and signs in', async () => {
    await page.getByRole('heading', { name: 'لاہور جنرل اسٹور' }).or(page.getByRole('heading', { name: 'Lahore General Store' })).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    await page.getByText('کاؤنٹر پر کون ہے؟').waitFor();
    await page.getByLabel('پن').fill(PIN);
    await screenshot(page, 'i18n-ur-00-sign-in');
    await page.getByRole('button', { name: 'سائن اِن' }).click();
    await page.getByRole('heading', { level: 1, name: 'کاؤنٹر' }).waitFor();
  });

  it('sells in Urdu with rupees and SKUs left to right', async () => {
    await scan(page, catalogue[0].sku);
    await scan(page, `3*${catalogue[1].barcode}`);
    await page.getByTestId('cart').waitFor();
    // 45.00 + 3 × 30.00, in the language's default currency; the total follows the second scan, so wait for it.
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/^Rs\s?135\.00$/);
    const sku = page.getByTestId('cart').locator('bdi.mono').first();
    expect(await sku.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.getByTestId('cart').locator('th').first().evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/start|right/);
    await screenshot(page, 'i18n-ur-cart');
    expect(await textOverflows(page)).toEqual([]);
  });

  it('shows every screen in Urdu with no text overflowing', async () => {
    await visitEveryScreen('ur');
  });

  it('switches to Hindi at once from the header, and keeps it for this person', async () => {
    await page.keyboard.press('F1');
    await page.getByTestId('locale-picker').selectOption('hi');
    await page.getByRole('heading', { level: 1, name: 'काउंटर' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['hi', 'ltr']);
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('bazaar.locale.user.asif'))).toBe('hi');
    await scan(page, catalogue[0].sku);
    // The total follows the scan once the line is in the cart: wait for it rather than read it at once.
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹45.00');
    await screenshot(page, 'i18n-hi-cart');
    await visitEveryScreen('hi');
  });

  it('fits in English too', async () => {
    await page.getByTestId('locale-picker').selectOption('en');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const key of screens) {
      await page.keyboard.press(key);
      await page.waitForLoadState('networkidle');
      expect(await textOverflows(page), `en ${key}`).toEqual([]);
    }
  });
});
