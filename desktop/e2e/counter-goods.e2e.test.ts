import { scaleLabelBarcode, withGtinCheckDigit, type ScaleLayout } from '@bazaar/shared';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserTestSuite, checkEachTest, openCounter, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { seedSignedInStore } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * Packs and label scales at the counter (issue 19): a product with a carton pack is added on the
 * Products settings, the scale layouts are set there too; then one bill sells a packet, a carton
 * scanned by its own barcode and two scale-labelled bags (one by weight, one by price). The core
 * is checked through the API; screens are photographed into e2e/output/screenshots/goods-*.
 */
const PORT = 8871;
const PIN = '2580';
const weight: ScaleLayout = { prefix: '21', itemDigits: 5, value: 'weight', valueStep: 1 };
const price: ScaleLayout = { prefix: '22', itemDigits: 5, value: 'price', valueStep: 1 };
const CARTON = '18901063111112';

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter packs and scale labels in a browser');

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  await counter.api.addProduct({ sku: 'ATTA-CHAKKI', barcode: scaleLabelBarcode(weight, '04217'), name: 'Chakki atta (loose)', unit: 'g', priceMinor: 6000, costMinor: 4800 });
  await counter.api.addProduct({ sku: 'JAGGERY', barcode: scaleLabelBarcode(price, '00042'), name: 'Jaggery (loose)', unit: 'g', priceMinor: 12000, costMinor: 9000 });
  await counter.api.stockIn({ product: 'ATTA-CHAKKI', qty: 25_000 });
  await counter.api.stockIn({ product: 'JAGGERY', qty: 5_000 });
  ({ page, errors } = await openCounter(browser, counter.url, { width: 1280, height: 860 }));
});

checkEachTest(() => ({ page, errors }), 'goods-');

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('adds a product with a carton pack and sets the label scales on the Products settings', async () => {
    await goTo(page, 'F8', /^Settings$/);
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Marie biscuits 70 g');
    await page.getByLabel('SKU').fill('MARIE-70');
    await page.getByLabel('Barcode', { exact: true }).fill('8901063111115');
    await page.getByLabel(/^Price/).fill('25');
    await page.getByLabel(/^Cost/).fill('21');
    await page.getByRole('button', { name: 'Add a pack' }).click();
    await page.getByLabel('Pack 1 name').fill('carton');
    await page.getByLabel('Pack 1 holds').fill('1');
    await page.getByLabel('Pack 1 barcode').fill(CARTON);
    await page.getByLabel('Pack 1 price').fill('550');
    await page.getByRole('button', { name: 'Add product' }).click();
    await expect.poll(() => page.locator('#packs-error').textContent()).toContain('more than one');
    await page.getByLabel('Pack 1 holds').fill('24');
    await page.getByRole('button', { name: 'Add a prefix' }).click();
    await page.getByRole('button', { name: 'Add a prefix' }).click();
    const rows = page.locator('.scale-row');
    // Added as 20 and 21: the second becomes 22 first, so 21 is free for the first.
    await rows.nth(1).getByLabel('Prefix', { exact: true }).selectOption('22');
    await rows.nth(0).getByLabel('Prefix', { exact: true }).selectOption('21');
    await rows.nth(1).getByLabel('The rest of the code is').selectOption('price:1');
    await screenshot(page, 'goods-01-product-packs-and-scales');
    await page.getByRole('button', { name: 'Add product' }).click();
    await page.getByText('Added Marie biscuits 70 g (MARIE-70).').waitFor();
    await page.getByRole('button', { name: 'Save scale layouts' }).click();
    await page.getByText('Scale layouts saved.').waitFor();
    const marie = await counter.api.findProduct({ code: 'MARIE-70' });
    expect(marie.packs).toEqual([{ name: 'carton', qty: 24, barcode: CARTON, priceMinor: 55_000 }]);
    expect((await counter.api.billSettings()).scaleLayouts).toEqual([weight, { ...price, prefix: '22' }]);
    await counter.api.stockIn({ product: 'MARIE-70', qty: 96 });
  });

  it('sells a packet, a carton by its barcode and two scale-labelled bags in one bill', async () => {
    await goTo(page, 'F1', /^Counter$/);
    await page.getByLabel('Scan barcode or search').focus();
    await scan(page, '8901063111115');
    await scan(page, CARTON);
    // 21 04217 01250 c: 1.25 kg of atta; 22 00042 09000 c: ₹90.00 of jaggery at ₹120/kg = 750 g.
    await scan(page, withGtinCheckDigit('210421701250'));
    await scan(page, withGtinCheckDigit('220004209000'));
    const cart = page.getByTestId('cart');
    await expect.poll(() => cart.locator('tbody tr').count()).toBe(4);
    expect(await cart.getByTestId('pack-qty').textContent()).toBe('1 carton (24 pc)');
    // ₹25 + ₹550 + 1.25 kg × ₹60 + the label's ₹90
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toContain('740.00');
    await screenshot(page, 'goods-02-cart-pack-and-labels');

    // A misread label is refused, not guessed.
    errors.allow(/status of 422 .*\/api\/scanCode\)$/);
    const good = withGtinCheckDigit('210421701250');
    await scan(page, `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`);
    await page.getByText(/check digit is wrong/).waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('F9');
    await page.getByTestId('payment').getByLabel('Cash tendered').waitFor();
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await page.getByTestId('bill-number').waitFor();
    const receipt = page.getByTestId('receipt').locator('pre');
    await receipt.filter({ hasText: 'TOTAL' }).waitFor();
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('1 carton (24 pc) x 550.00');
    expect(text).toContain('750 g @ 120.00/kg label');
    await screenshot(page, 'goods-03-receipt');

    expect((await counter.api.findProduct({ code: 'MARIE-70' })).qty).toBe(96 - 25);
    expect((await counter.api.findProduct({ code: 'ATTA-CHAKKI' })).qty).toBe(25_000 - 1250);
    expect((await counter.api.findProduct({ code: 'JAGGERY' })).qty).toBe(5_000 - 750);
  });
});
