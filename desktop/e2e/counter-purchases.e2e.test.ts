import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOverflows } from '../../test-support/text-overflow.check';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * Purchases at the counter, offline: the "to order" list grouped by supplier with why, made into
 * one order per supplier in one step; a supplier's bill received against an order with one line
 * short and one over (the order is then partly received), and a bill without an order.
 */
const PORT = 8913;
const PIN = '4321';
const [, , , oil, tea, matches, , sugar] = catalogue;

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
let agarwalOrder = '';
const suite = browserTestSuite('purchase orders from the suggestions and goods receipts at the counter');

const qtyOf = async (sku: string) => (await counter.api.listStock({ search: sku, limit: 5 })).items.find((i) => i.sku === sku)?.qty;
const notices = () => page.getByRole('status').allTextContents();
/** A taller window for a picture of a whole list or bill, then the usual one again. */
async function tall(shot: () => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1040 });
  await shot();
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  if (suite.skip) return;
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  const punjab = await counter.api.addSupplier({ name: 'Punjab Dairy' });
  await counter.api.addProduct({ sku: 'GHEE-AMUL-1L', name: 'Amul ghee 1 L', unit: 'pc', supplierId: punjab.id, priceMinor: 65_000, costMinor: 58_000, reorderLevel: 4 });
  await counter.api.stockIn({ product: 'GHEE-AMUL-1L', qty: 1, unitCostMinor: 58_000 });
  await counter.api.addProduct({ sku: 'EGGS-TRAY', name: 'Eggs (tray of 30)', unit: 'pc', priceMinor: 21_000, reorderLevel: 3 });
  ({ page, errors } = await openPage(browser, counter.url));
}, 120_000);

checkEachTest(() => ({ page, errors }), 'purchases-');

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('lists what to order by supplier, with why, and makes one order per supplier in one step', async () => {
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await page.keyboard.press('Shift+F2');
    await page.getByRole('heading', { level: 1, name: 'Purchases' }).waitFor();
    expect(await page.getByTestId('purchase-orders').count()).toBe(0);
    await page.getByRole('tab', { name: 'To order' }).click();
    const agarwal = page.getByTestId('reorder-group-Agarwal Wholesale');
    await agarwal.waitFor();
    const text = (await agarwal.textContent()) ?? '';
    for (const p of [tea, matches, sugar]) expect(text).toContain(p.name);
    expect(text).toContain('at or below safety stock');
    expect(text).toContain('no sales in 28 days');
    expect(await page.getByTestId('reorder-group-Punjab Dairy').textContent()).toContain('Amul ghee 1 L');
    expect(await page.getByTestId('reorder-group-none').textContent()).toContain('Set a supplier on these products');
    // Suggested: up to the safety stock (the reorder level, with no sales yet).
    expect(await page.getByLabel(`Order quantity of ${tea.name}`).inputValue()).toBe('2');
    expect(await page.getByLabel(`Order quantity of ${sugar.name}`).inputValue()).toBe('2');
    await page.getByLabel(`Order quantity of ${sugar.name}`).fill('5');
    expect(await textOverflows(page)).toEqual([]);
    await tall(() => screenshot(page, 'purchases-01-to-order'));
    await page.keyboard.press('F9');
    await expect.poll(notices).toEqual([expect.stringMatching(/^Made 2 orders: LHR-01-C[0-9A-Z]{4}-PO00001, LHR-01-C[0-9A-Z]{4}-PO00002\.$/)]);
    const orders = page.getByTestId('purchase-orders');
    await expect.poll(() => orders.locator('tbody tr').count()).toBe(2);
    expect(await orders.textContent()).toContain('Open, nothing received yet');
    const listed = await counter.api.listPurchaseOrders({});
    const mine = listed.find((o) => o.order.supplierName === 'Agarwal Wholesale')!;
    agarwalOrder = mine.order.number;
    expect(mine.order.lines.map((l) => [l.sku, l.orderedQty]).sort()).toEqual([[matches.sku, 5], [sugar.sku, 5_000], [tea.sku, 2]].sort());
  });

  it('receives the supplier’s bill against the order: one line short, one over, totals with tax; the order is partly received', async () => {
    await page.getByRole('button', { name: `Open ${agarwalOrder}` }).click();
    await page.getByTestId('order-detail').waitFor();
    await page.getByRole('button', { name: 'Receive a bill against this order' }).click();
    await page.getByTestId('receipt-lines').waitFor();
    // Filled in with what is still to come, at the agreed cost.
    expect(await page.getByLabel(`Received of ${tea.name}`).inputValue()).toBe('2');
    expect(await page.getByLabel(`Cost of ${tea.name}`).inputValue()).toBe('245.00');
    await page.getByLabel('Supplier bill number').fill('AW-5531');
    await page.getByLabel(`Received of ${tea.name}`).fill('1');
    await page.getByLabel(`Tax of ${tea.name}`).fill('14');
    await page.getByLabel(`Received of ${sugar.name}`).fill('6');
    await expect.poll(() => page.getByTestId(`against-${tea.sku}`).textContent()).toBe('1 pc short');
    expect(await page.getByTestId(`against-${sugar.sku}`).textContent()).toBe('1 kg over');
    expect(await page.getByTestId(`against-${matches.sku}`).textContent()).toBe('complete');
    // ₹245 + ₹14 tax, 5 × ₹15, 6 kg × ₹40.
    expect(await page.getByTestId('receipt-total').textContent()).toBe('₹574.00');
    expect(await textOverflows(page)).toEqual([]);
    await tall(() => screenshot(page, 'purchases-02-bill-against-order'));
    await page.keyboard.press('F9');
    await expect.poll(notices).toEqual([
      expect.stringMatching(/^Receipt LHR-01-C[0-9A-Z]{4}-GR00001 for bill AW-5531 of Agarwal Wholesale: ₹574\.00\. The stock is in\.$/),
      `Order ${agarwalOrder}: Partly received.`,
    ]);
    expect([await qtyOf(tea.sku), await qtyOf(sugar.sku), await qtyOf(matches.sku)]).toEqual([5, 14_000, 5]);
    const lines = page.getByTestId('order-lines');
    await lines.waitFor();
    expect(await lines.textContent()).toContain('1 pc short');
    expect(await lines.textContent()).toContain('1 kg over');
    expect(await page.getByTestId('order-receipts').textContent()).toContain('bill AW-5531');
    expect(await page.getByTestId('purchase-orders').textContent()).toContain('Partly received');
    await screenshot(page, 'purchases-03-order-partly-received');
  });

  it('receives a bill without an order, from a scan', async () => {
    await page.getByRole('tab', { name: 'Receive a bill' }).click();
    await page.getByLabel('Supplier', { exact: true }).selectOption({ label: 'Agarwal Wholesale' });
    await page.getByLabel('Supplier bill number').fill('AW-5540');
    await page.getByLabel('Add a product from the bill').focus();
    await scan(page, oil.barcode);
    await page.getByLabel(`Received of ${oil.name}`).fill('6');
    await page.getByLabel(`Cost of ${oil.name}`).fill('138.50');
    await expect.poll(() => page.getByTestId('receipt-total').textContent()).toBe('₹831.00');
    await page.keyboard.press('F9');
    await expect.poll(notices).toEqual([expect.stringMatching(/^Receipt LHR-01-C[0-9A-Z]{4}-GR00002 for bill AW-5540 of Agarwal Wholesale: ₹831\.00\. The stock is in\.$/)]);
    expect(await qtyOf(oil.sku)).toBe(18_000);
  });

  it('reads in Urdu and Hindi, Purchases and Transfers alike, with no text cut off', async () => {
    for (const lang of ['ur', 'hi'] as const) {
      await page.getByTestId('locale-picker').selectOption(lang);
      await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ur' ? 'rtl' : 'ltr']);
      for (const key of ['Shift+F2', 'Shift+F3']) {
        await page.keyboard.press(key);
        for (let tab = 0; tab < 3; tab++) {
          await page.getByRole('tab').nth(tab).click();
          await page.waitForLoadState('networkidle');
          expect(await textOverflows(page), `${lang} ${key} tab ${tab + 1}`).toEqual([]);
          await screenshot(page, `purchases-${lang}-${key === 'Shift+F2' ? 'purchases' : 'transfers'}-${tab + 1}`);
        }
      }
    }
    await page.getByTestId('locale-picker').selectOption('en');
  });
});
