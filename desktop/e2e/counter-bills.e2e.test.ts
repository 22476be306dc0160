import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestSuite, checkEachTest, screenshot, type ConsoleErrors } from './support/browser';
import { ConsoleErrors as Watch } from '../../test-support/console-errors.watch';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedLocalCatalogue } from './support/seed';
import { scan } from './support/ui';

/*
 * The counter's bills with the keyboard alone: the payment step (cash with change, split over
 * methods), the receipt, discounts, hold and recall, returns and exchanges by the receipt's
 * bill number, and a shift closed with its Z report. The core's state is checked through the
 * API; every screen and receipt is photographed into e2e/output/screenshots/bills-*.
 */
const PORT = 8846;
const PIN = '2580';
const [soap, biscuits, , , tea, , dal] = catalogue;

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter bills in a browser');

async function stockOf(sku: string): Promise<number> {
  return (await counter.api.findProduct({ code: sku })).qty;
}

/** F9, the payment step, then what the receipt dialog shows. */
async function pay(typed: Record<string, string>): Promise<string> {
  await page.keyboard.press('F9');
  await page.getByTestId('payment').getByLabel('Cash tendered').waitFor();
  for (const [label, amount] of Object.entries(typed)) {
    await page.getByLabel(label).focus();
    await page.keyboard.type(amount);
  }
  await page.getByLabel('Cash tendered').focus();
  await page.keyboard.press('Enter');
  const number = page.getByTestId('bill-number');
  await number.waitFor();
  await page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' }).waitFor();
  return (await number.textContent()) ?? '';
}

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await counter.api.initStore({ code: 'LHR-01', name: 'Lahore General Store' });
  await counter.api.createUser({ username: 'asif', name: 'Asif Khan', role: 'admin', pin: PIN });
  await counter.api.signIn({ username: 'asif', pin: PIN });
  await seedLocalCatalogue(counter.api);
  await counter.api.updateBillSettings({ paymentMethods: ['upi', 'card', 'credit'], receiptHeader: ['Anarkali Bazaar, Lahore'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = new Watch().watch(page);
  await page.goto(counter.url);
  await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
});

checkEachTest(() => ({ page, errors }), 'bills-');

afterAll(async () => {
  await browser?.close();
  await counter?.stop();
});

describe.skipIf(suite.skip)(suite.title, () => {
  it('opens a shift with a float from the Shift screen', async () => {
    await page.keyboard.press('F12');
    await page.getByRole('heading', { level: 1, name: 'Shift' }).waitFor();
    await page.getByLabel(/Float/).focus();
    await page.keyboard.type('2000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter.api.currentShift())?.floatPaise).toBe(200000);
    await page.keyboard.press('F1');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
  });

  it('a cash sale: tendered, change due, the bill number and its receipt', async () => {
    const before = await stockOf(soap.sku);
    await scan(page, `2*${soap.barcode}`);
    await scan(page, biscuits.barcode);
    const due = 2 * soap.pricePaise + biscuits.pricePaise; // ₹120
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.type('500');
    await expect.poll(() => page.getByTestId('pay-change').textContent()).toBe('₹380.00');
    expect(await page.getByTestId('pay-due').textContent()).toBe('₹120.00');
    await screenshot(page, 'bills-01-payment-cash');
    await page.keyboard.press('Enter');
    const number = await page.getByTestId('bill-number').textContent();
    expect(number).toMatch(/^LHR-01-[A-Z0-9]+-\d{6}$/);
    await page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' }).waitFor();
    await page.getByRole('img', { name: `QR code of bill ${number}` }).waitFor();
    await screenshot(page, 'bills-02-receipt-80mm');
    await page.getByRole('button', { name: '58 mm' }).click();
    await expect.poll(() => page.getByTestId('receipt').getAttribute('class')).toContain('paper-58');
    await page.getByTestId('receipt').locator('pre').filter({ hasText: number ?? '' }).waitFor();
    await screenshot(page, 'bills-03-receipt-58mm');
    await page.getByRole('button', { name: '80 mm' }).click();
    const bill = (await counter.api.showBill({ bill: number ?? '' })).bill;
    expect(bill.totalPaise).toBe(due);
    expect(bill.payments).toEqual([{ method: 'cash', amountPaise: due, tenderedPaise: 50000, changePaise: 38000 }]);
    expect(await stockOf(soap.sku)).toBe(before - 2);
    await page.getByRole('button', { name: /Next customer/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Scan barcode or search').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a split payment over UPI, card and cash, with a line and a bill discount', async () => {
    await scan(page, `2*${dal.barcode}`); // ₹320
    await scan(page, tea.barcode); // ₹280
    await page.keyboard.press('Control+d'); // on the tea
    await page.getByLabel('Discount (10% or an amount)').waitFor();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.getByLabel('Discount (10% or an amount)').waitFor();
    await page.keyboard.type('10%');
    await page.keyboard.press('Enter');
    // (320 + 280 − 30) = 570, less 10% = 513
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹513.00');
    await screenshot(page, 'bills-04-cart-discounts');
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('200'); // UPI
    await page.keyboard.press('Tab');
    await page.keyboard.type('100'); // card
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('250'); // cash
    await expect.poll(() => page.getByTestId('pay-change').textContent()).toBe('₹37.00');
    await screenshot(page, 'bills-05-payment-split');
    await page.keyboard.press('Enter');
    const number = (await page.getByTestId('bill-number').textContent()) ?? '';
    const bill = (await counter.api.showBill({ bill: number })).bill;
    expect(bill.totalPaise).toBe(51300);
    expect(bill.discountPaise).toBe(3000 + 5700);
    expect(bill.payments).toEqual([
      { method: 'upi', amountPaise: 20000 },
      { method: 'card', amountPaise: 10000 },
      { method: 'cash', amountPaise: 21300, tenderedPaise: 25000, changePaise: 3700 },
    ]);
    expect(bill.payments.reduce((a, p) => a + p.amountPaise, 0)).toBe(bill.totalPaise);
    await page.keyboard.press('Escape');
  });

  it('holds two carts with F10 and brings one back after a reload with Shift+F10', async () => {
    await scan(page, soap.barcode);
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Cart held (1 line)');
    await scan(page, `3*${biscuits.barcode}`);
    await page.keyboard.press('F10');
    await expect.poll(async () => (await counter.api.heldCarts()).length).toBe(2);
    expect(await page.getByTestId('cart-total').textContent()).toBe('₹0.00');
    // The core keeps held carts: they survive the page (and the app) starting again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('listbox', { name: 'Held carts' }).waitFor();
    await expect.poll(() => page.getByRole('option').count()).toBe(2);
    await screenshot(page, 'bills-06-held-carts');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹90.00');
    expect(await counter.api.heldCarts()).toHaveLength(1);
    await pay({});
    await page.keyboard.press('Escape');
  });
});
