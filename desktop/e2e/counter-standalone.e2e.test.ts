import { formatMoney } from '@bazaar/shared';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserTestSuite, checkEachTest, openPage, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedLocalCatalogue } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * The counter in browser mode (`pnpm counter` as a real process, real SQLite, headless
 * Chromium), stand-alone: first-run setup, PIN sign-in, a keyboard-only sale, every
 * screen, and bad input that must show a message and write nothing.
 */
const PORT = 8826;
const PIN = '4321';
const [soap, biscuits, rice] = [catalogue[0], catalogue[1], catalogue[2]];

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter app, stand-alone, in a browser');

async function isFocused(page: Page, label: string): Promise<boolean> {
  return page.getByLabel(label).evaluate((el) => el === document.activeElement);
}

async function movementCount(kind?: 'SALE' | 'IN' | 'REMOVE' | 'COUNT'): Promise<number> {
  const page = await counter.api.history({ kind, limit: 1000 });
  return page.items.length;
}

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  ({ page, errors } = await openPage(browser, counter.url));
});

checkEachTest(() => ({ page, errors }));

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('sets up a new store on first run and signs the owner in', async () => {
    await page.getByRole('heading', { name: 'Set up this counter' }).waitFor();
    await page.getByLabel('Store code').fill('DEL-KAROL-01');
    await page.getByLabel('Shop name').fill('Sharma General Store');
    await page.getByLabel('Your name').fill('Ramesh Sharma');
    await page.getByLabel('Username').fill('ramesh');
    await page.getByLabel('PIN (4–8 digits)').fill(PIN);
    await page.getByLabel('PIN again').fill(PIN);
    await screenshot(page, '01-first-run-setup');
    await page.getByRole('button', { name: 'Create store and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    const info = await counter.api.info();
    expect(info.storeName).toBe('Sharma General Store');
    expect(info.session?.username).toBe('ramesh');
    await seedLocalCatalogue(counter.api);
    await counter.api.createUser({ username: 'priya', name: 'Priya Verma', role: 'staff', pin: '2468' });
  });

  it('signs in with user and PIN; a wrong PIN is refused inline', async () => {
    // The bridge answers the wrong PIN with 401, which the browser logs.
    errors.allow(/status of 401 .*\/api\/signIn\)$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: /Ramesh Sharma/ }).click();
    await page.getByLabel('PIN').fill('0000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong PIN');
    expect((await counter.api.info()).session).toBeNull();
    await page.getByLabel('PIN').fill(PIN);
    await screenshot(page, '02-sign-in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
  });

  it('completes a sale with the keyboard alone: scan, quantity prefix, weight, undo, F9', async () => {
    const salesBefore = await movementCount('SALE');
    // Focus is in the scan box after sign-in; no mouse from here on.
    await scan(page, soap.barcode);
    await scan(page, soap.barcode);
    await scan(page, `3*${biscuits.sku}`);
    await scan(page, rice.barcode);
    await page.getByLabel(/Weight of Basmati rice/).waitFor();
    await page.keyboard.type('1.25');
    await page.keyboard.press('Enter');
    await scan(page, catalogue[3].barcode);
    // The lookup is asynchronous: type only once the prompt has the focus, as a person would.
    await page.getByLabel(/Volume of Sunflower oil/).waitFor();
    await page.keyboard.type('500ml');
    await page.keyboard.press('Enter');
    // Undo takes back the last line (the oil) and only that.
    await page.keyboard.press('Control+z');
    const expected = 2 * soap.priceMinor + 3 * biscuits.priceMinor + 15000; // 1.25 kg × ₹120/kg = ₹150
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe(formatMoney(expected));
    const rows = page.getByTestId('cart').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    await screenshot(page, '03-counter-cart');
    await page.keyboard.press('F9');
    // The payment step: an empty cash box is exactly the amount due; Enter completes, Enter again closes the receipt.
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('bill-number').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`Sale saved: 3 lines, ${formatMoney(expected)}`);
    expect(await page.getByTestId('cart-total').textContent()).toBe(formatMoney(0));
    expect(await movementCount('SALE')).toBe(salesBefore + 3);
    const sold = (await counter.api.history({ kind: 'SALE', limit: 3 })).items;
    expect(sold.map((m) => [m.sku, m.qty]).sort()).toEqual(
      [
        [soap.sku, -2],
        [biscuits.sku, -3],
        [rice.sku, -1250],
      ].sort(),
    );
    await screenshot(page, '04-counter-sale-done');
  });

  it('an unknown barcode shows a message and adds nothing', async () => {
    // The lookup answers 404, which the browser logs.
    errors.allow(/status of 404 .*\/api\/(findProduct|scanCode)\)$/);
    const before = await movementCount();
    await scan(page, '8900000000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No product has the barcode, SKU or name “8900000000000”');
    expect(await page.getByTestId('cart-total').textContent()).toBe(formatMoney(0));
    // F9 on an empty cart writes nothing either.
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The cart is empty');
    expect(await movementCount()).toBe(before);
    await page.keyboard.press('Escape');
  });

  it('receives stock from a supplier with cost; a negative quantity is refused inline', async () => {
    await goTo(page, 'F2', /Receive stock/);
    const before = await movementCount('IN');
    await scan(page, catalogue[4].barcode);
    await page.getByTestId('picked-product').waitFor();
    await page.getByLabel('Quantity received').fill('-5');
    await page.getByRole('button', { name: 'Record stock-in' }).click();
    await expect.poll(() => page.locator('#receive-qty-error').textContent()).toBe('Quantity cannot be negative.');
    expect(await movementCount('IN')).toBe(before);
    await page.getByLabel('Quantity received').fill('24');
    await page.getByLabel(/Cost per piece/).fill('240.50');
    await page.getByLabel('Supplier').selectOption({ label: 'Agarwal Wholesale' });
    await page.getByLabel('Note').fill('Invoice 7731');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Received 24 pc of Tata Tea Premium 500 g at ₹240.50');
    expect(await movementCount('IN')).toBe(before + 1);
    const [last] = (await counter.api.history({ kind: 'IN', limit: 1 })).items;
    expect(last).toMatchObject({ sku: catalogue[4].sku, qty: 24, unitCostMinor: 24050 });
    await screenshot(page, '05-receive-stock');
  });

  it('removes damaged stock with a reason; "other" without a note removes nothing', async () => {
    await goTo(page, 'F3', /Remove stock/);
    const before = await movementCount('REMOVE');
    await scan(page, biscuits.barcode);
    await page.getByLabel('Quantity to remove').fill('2');
    await page.getByRole('radio', { name: 'Other' }).click();
    await page.getByRole('button', { name: 'Record removal' }).click();
    await expect.poll(() => page.getByText('Say what happened.').count()).toBe(1);
    expect(await movementCount('REMOVE')).toBe(before);
    await page.getByRole('radio', { name: 'Damaged' }).click();
    await page.getByLabel('Note').fill('Packets torn in delivery');
    await page.getByRole('button', { name: 'Record removal' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Removed 2 pc of Parle-G biscuits 250 g (damaged)');
    expect(await movementCount('REMOVE')).toBe(before + 1);
    await screenshot(page, '06-remove-stock');
  });

  it('counts a shelf: an empty count is refused, the variance is shown before saving', async () => {
    await goTo(page, 'F4', /Count the shelf/);
    const before = await movementCount('COUNT');
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The count sheet is empty');
    await scan(page, soap.barcode);
    await expect.poll(() => isFocused(page, `Counted ${soap.name}`)).toBe(true);
    await page.keyboard.press('Enter'); // back to the scan box without typing a count
    await expect.poll(() => isFocused(page, 'Scan the next product')).toBe(true);
    await scan(page, catalogue[6].barcode);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Some rows need a counted quantity');
    expect(await movementCount('COUNT')).toBe(before);
    const soapNow = (await counter.api.findProduct({ code: soap.sku })).qty;
    await page.getByLabel(`Counted ${soap.name}`).fill(String(soapNow - 3));
    await page.getByLabel(`Counted ${catalogue[6].name}`).fill(String(catalogue[6].stock));
    const sheet = page.getByTestId('count-sheet');
    await expect.poll(() => sheet.locator('tbody tr').nth(0).locator('td').nth(3).textContent()).toBe('-3 pc');
    expect(await sheet.locator('tbody tr').nth(1).locator('td').nth(3).textContent()).toBe('matches');
    await screenshot(page, '07-count-variance');
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Count saved for 2 products; 1 with a difference');
    expect(await movementCount('COUNT')).toBe(before + 2);
    expect((await counter.api.findProduct({ code: soap.sku })).qty).toBe(soapNow - 3);
  });

  it('shows stock with filters, colour-coded status and the low / out-of-stock dialogs', async () => {
    await goTo(page, 'F5', /^Stock$/);
    const table = page.getByTestId('stock-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(catalogue.length);
    await screenshot(page, '08-stock');
    await page.getByLabel('Status').selectOption('out');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().getAttribute('data-status')).toBe('out');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Category').selectOption('Staples');
    await page.getByLabel('Search').fill('rice');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByTestId('open-low').click();
    const low = page.getByTestId('low-dialog');
    await low.getByRole('heading', { name: /Low stock/ }).waitFor();
    // Sugar is under its reorder level from the start.
    expect(await low.getByText('Sugar (loose)').count()).toBe(1);
    await screenshot(page, '09-low-stock-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('open-out').click();
    const out = page.getByTestId('out-dialog');
    expect(await out.getByText('Ship matches (10 boxes)').count()).toBe(1);
    await screenshot(page, '10-out-of-stock-dialog');
    await page.keyboard.press('Escape');
  });

  it('lists movements and the audit log with filters, and verifies the audit chain', async () => {
    await goTo(page, 'F6', /^History$/);
    const table = page.getByTestId('movements-table');
    await table.waitFor();
    await page.getByLabel('Kind').selectOption('SALE');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await page.getByLabel('Kind').selectOption('');
    await screenshot(page, '11-history-movements');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/All \d+ audit entries are intact/);
    await screenshot(page, '12-history-audit');
  });

  it('shows sync state (stand-alone here) and settings', async () => {
    await goTo(page, 'F7', /Sync with the hub/);
    expect(await page.getByTestId('sync-state').getAttribute('data-state')).toBe('standalone');
    expect(await page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('standalone');
    await goTo(page, 'F8', /^Settings$/);
    await page.getByRole('heading', { name: 'Connect this counter to a hub' }).waitFor();
    // A hub URL that is not a URL is refused before anything is sent.
    await page.getByLabel('Hub address').fill('not a url');
    await page.getByLabel('Device token').fill('short');
    await page.getByRole('button', { name: 'Enroll' }).click();
    await expect.poll(() => page.locator('#hub-url-error').textContent()).toContain('Enter the hub address');
    expect((await counter.api.info()).enrolled).toBe(false);
    await screenshot(page, '13-settings-hub');
    await page.getByRole('tab', { name: 'Products' }).click();
    await screenshot(page, '14-settings-products');
  });
});
