import { formatMoney } from '@bazaar/shared';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserTestSuite, checkEachTest, openCounter, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { scan } from './support/ui';
import { endAfterAll } from './support/teardown';

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
/** The cash sale's number, as printed on its receipt. */
let cashBill = '';
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

/** The PIN prompt: wait for it, check why it asks, answer as the manager (Enter submits unless `shot` first). */
async function approveAsManager(why: string, shot?: string): Promise<void> {
  await page.getByLabel("Manager's username").waitFor();
  expect(await page.getByTestId('approval').textContent()).toContain(why);
  await page.keyboard.type('asif');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PIN);
  if (shot) await screenshot(page, shot);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  await counter.api.updateBillSettings({ paymentMethods: ['upi', 'card', 'credit'], receiptHeader: ['Anarkali Bazaar, Lahore'] });
  ({ page, errors } = await openCounter(browser, counter.url));
});

checkEachTest(() => ({ page, errors }), 'bills-');

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('opens a shift with a float from the Shift screen', async () => {
    await page.keyboard.press('F12');
    await page.getByRole('heading', { level: 1, name: 'Shift' }).waitFor();
    await page.getByLabel(/Float/).focus();
    await page.keyboard.type('2000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await counter.api.currentShift())?.floatMinor).toBe(200000);
    await page.keyboard.press('F1');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
  });

  it('a cash sale: tendered, change due, the bill number and its receipt', async () => {
    const before = await stockOf(soap.sku);
    await scan(page, `2*${soap.barcode}`);
    await scan(page, biscuits.barcode);
    const due = 2 * soap.priceMinor + biscuits.priceMinor; // ₹120
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.type('500');
    await expect.poll(() => page.getByTestId('pay-change').textContent()).toBe('₹380.00');
    expect(await page.getByTestId('pay-due').textContent()).toBe('₹120.00');
    await screenshot(page, 'bills-01-payment-cash');
    await page.keyboard.press('Enter');
    const number = await page.getByTestId('bill-number').textContent();
    expect(number).toMatch(/^LHR-01-[A-Z0-9]+-\d{6}$/);
    cashBill = number ?? '';
    await page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' }).waitFor();
    await page.getByRole('img', { name: `QR code of bill ${number}` }).waitFor();
    await screenshot(page, 'bills-02-receipt-80mm');
    await page.getByRole('button', { name: '58 mm' }).click();
    await expect.poll(() => page.getByTestId('receipt').getAttribute('class')).toContain('paper-58');
    await page.getByTestId('receipt').locator('pre').filter({ hasText: number ?? '' }).waitFor();
    await screenshot(page, 'bills-03-receipt-58mm');
    await page.getByRole('button', { name: '80 mm' }).click();
    const bill = (await counter.api.showBill({ bill: number ?? '' })).bill;
    expect(bill.totalMinor).toBe(due);
    expect(bill.payments).toEqual([{ method: 'cash', amountMinor: due, tenderedMinor: 50000, changeMinor: 38000 }]);
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
    expect(bill.totalMinor).toBe(51300);
    expect(bill.discountMinor).toBe(3000 + 5700);
    expect(bill.payments).toEqual([
      { method: 'upi', amountMinor: 20000 },
      { method: 'card', amountMinor: 10000 },
      { method: 'cash', amountMinor: 21300, tenderedMinor: 25000, changeMinor: 3700 },
    ]);
    expect(bill.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(bill.totalMinor);
    await page.keyboard.press('Escape');
  });

  it('holds two carts with F10 and brings one back after a reload with Shift+F10', async () => {
    await scan(page, soap.barcode);
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Cart held (1 line)');
    await scan(page, `3*${biscuits.barcode}`);
    await page.keyboard.press('F10');
    await expect.poll(async () => (await counter.api.heldCarts()).length).toBe(2);
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹0.00');
    // The core keeps held carts: they survive the page (and the app) starting again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('listbox', { name: 'Held carts' }).waitFor();
    const held = page.getByRole('listbox', { name: 'Held carts' }).getByRole('option');
    await expect.poll(() => held.count()).toBe(2);
    await screenshot(page, 'bills-06-held-carts');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹90.00');
    expect(await counter.api.heldCarts()).toHaveLength(1);
    await pay({});
    await page.keyboard.press('Escape');
  });

  it('returns one soap by typing the receipt\'s bill number, to the shelf, refunded by UPI', async () => {
    const before = await stockOf(soap.sku);
    await page.keyboard.press('F11');
    await page.getByRole('heading', { level: 1, name: 'Returns' }).waitFor();
    await page.keyboard.type(cashBill, { delay: 5 });
    await page.keyboard.press('Enter');
    const lines = page.getByTestId('return-lines');
    await lines.waitFor();
    await page.keyboard.press('Tab'); // from the bill number to the soap's quantity
    await expect.poll(() => page.getByLabel(`Return quantity of ${soap.name}`).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('return-net').textContent()).toBe('₹45.00');
    await page.getByLabel('Refund by').focus();
    await page.getByLabel('Refund by').selectOption('upi');
    await screenshot(page, 'bills-07-return');
    await page.keyboard.press('F9');
    const number = (await page.getByTestId('bill-number').textContent()) ?? '';
    await page.getByTestId('receipt').locator('pre').filter({ hasText: 'REFUND' }).waitFor();
    await screenshot(page, 'bills-08-return-receipt');
    await page.keyboard.press('Escape');
    const ret = (await counter.api.showBill({ bill: number })).bill;
    expect(ret).toMatchObject({ kind: 'return', originalNumber: cashBill, totalMinor: -soap.priceMinor, payments: [{ method: 'upi', amountMinor: -soap.priceMinor }] });
    expect(await stockOf(soap.sku)).toBe(before + 1);
    // The lines now say one of the two was returned.
    await expect.poll(() => lines.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('1 pc');
    expect((await counter.api.showBill({ bill: cashBill })).returnable).toMatchObject({ 1: 1 });
  });

  it('an exchange: the biscuits back as damaged, a tea taken instead, the difference paid in cash', async () => {
    const teaBefore = await stockOf(tea.sku);
    const biscuitsBefore = await stockOf(biscuits.sku);
    // The bill is still open from the return, with what is left to return.
    await page.getByLabel(`Return quantity of ${biscuits.name}`).focus();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Damaged
    await page.getByLabel('Scan what the customer takes instead').focus();
    await scan(page, tea.barcode);
    await page.getByTestId('exchange-lines').waitFor();
    await expect.poll(() => page.getByTestId('return-net').textContent()).toBe('₹250.00');
    await screenshot(page, 'bills-09-exchange');
    await page.keyboard.press('F9');
    const number = (await page.getByTestId('bill-number').textContent()) ?? '';
    await page.keyboard.press('Escape');
    const ex = (await counter.api.showBill({ bill: number })).bill;
    expect(ex).toMatchObject({ kind: 'exchange', originalNumber: cashBill, totalMinor: tea.priceMinor - biscuits.priceMinor });
    expect(ex.lines.find((l) => l.direction === 'return')).toMatchObject({ sku: biscuits.sku, qty: 1, disposition: 'damaged' });
    expect(ex.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(ex.totalMinor);
    expect(await stockOf(tea.sku)).toBe(teaBefore - 1);
    expect(await stockOf(biscuits.sku)).toBe(biscuitsBefore); // damaged goods do not go back on the shelf
  });

  it('closes the shift with the cash counted by denomination and shows the Z report', async () => {
    const open = await counter.api.currentShift();
    expect(open).not.toBeNull();
    const expected = open?.cashExpectedMinor ?? 0;
    await page.keyboard.press('F12');
    await page.getByRole('heading', { level: 1, name: 'Shift' }).waitFor();
    // Count the drawer: as many ₹500 notes as fit, the rest in ₹10 and then short by whatever is left.
    const fivehundreds = Math.floor(expected / 50000);
    const tens = Math.floor((expected % 50000) / 1000);
    await page.getByLabel('Notes of ₹500.00').focus();
    await page.keyboard.type(String(fivehundreds));
    await page.getByLabel('Notes of ₹10.00').focus();
    await page.keyboard.type(String(tens));
    const counted = fivehundreds * 50000 + tens * 1000;
    await expect.poll(() => page.getByTestId('counted-total').textContent()).toBe(formatMoney(counted));
    await screenshot(page, 'bills-10-shift-count');
    await page.keyboard.press('F9');
    await page.getByTestId('z-report').waitFor();
    const sales = await counter.api.findBills({ kind: 'sale', limit: 50 });
    expect(await page.getByTestId('z-sales').textContent()).toContain(formatMoney(sales.reduce((a, b) => a + b.totalMinor, 0) + tea.priceMinor));
    expect(await page.getByTestId('z-expected').textContent()).toBe(formatMoney(expected));
    expect(await page.getByTestId('z-counted').textContent()).toBe(formatMoney(counted));
    expect(await page.getByTestId('z-variance').textContent()).toBe(formatMoney(counted - expected));
    expect(await counter.api.currentShift()).toBeNull();
    await screenshot(page, 'bills-11-z-report');
  });

  it('the payment step fits at 1024×600 and reads right to left in Urdu', async () => {
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.keyboard.press('F1');
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await scan(page, soap.barcode);
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.type('100');
    await screenshot(page, 'bills-12-payment-1024x600');
    await page.keyboard.press('Escape');
    await page.getByTestId('locale-picker').selectOption('ur');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.keyboard.press('F9');
    await page.getByTestId('payment').waitFor();
    await page.keyboard.type('100');
    await expect.poll(() => page.getByTestId('pay-change').textContent()).toMatch(/55\.00/);
    await screenshot(page, 'bills-13-payment-urdu-1024x600');
    await page.keyboard.press('Enter');
    await page.getByTestId('bill-number').waitFor();
    await page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' }).waitFor();
    await screenshot(page, 'bills-14-receipt-urdu');
    await page.keyboard.press('Escape');
    await page.getByTestId('locale-picker').selectOption('en');
  });

  it('a cashier\'s discount over the limit, a return without a receipt and a void each ask for a manager\'s PIN', async () => {
    // The core refuses the staff member's first try with 403 (a manager is needed), which the browser logs.
    errors.allow(/status of 403 .*\/api\/(sell|returnBill|voidBill)\)$/);
    await counter.api.updateBillSettings({ maxDiscountBasisPoints: 1000 });
    await counter.api.createUser({ username: 'bilal', name: 'Bilal Ahmed', role: 'staff', pin: '1122' });
    await counter.api.openShift({ floatMinor: 0 });
    await counter.api.signIn({ username: 'bilal', pin: '1122' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Counter', exact: true }).waitFor();
    await scan(page, dal.barcode);
    await page.keyboard.press('Control+d');
    await page.getByLabel('Discount (10% or an amount)').waitFor();
    await page.keyboard.type('25%');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹120.00');
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.press('Enter');
    await approveAsManager("a discount above the store's limit", 'bills-15-manager-pin');
    const number = (await page.getByTestId('bill-number').textContent()) ?? '';
    const sale = (await counter.api.showBill({ bill: number })).bill;
    // 25% off dal takes it below cost as well.
    expect(sale.approvedBy).toMatchObject({ name: 'asif', reasons: ['price_below_cost', 'discount_over_limit'] });
    expect(sale.cashier.name).toBe('bilal');
    await page.keyboard.press('Escape');

    // A return without a receipt: the product, a reason, the manager's PIN.
    const dalBefore = await stockOf(dal.sku);
    await page.keyboard.press('F11');
    await page.getByRole('heading', { level: 1, name: 'Returns' }).waitFor();
    await page.getByRole('button', { name: 'Return without a receipt' }).click();
    await page.getByLabel('Scan the returned product').focus();
    await scan(page, dal.barcode);
    await page.getByTestId('unreceipted-lines').waitFor();
    await page.getByLabel('Reason').focus();
    await page.keyboard.type('Customer lost the receipt');
    await page.keyboard.press('F9');
    await approveAsManager('a return without a receipt');
    const retNo = (await page.getByTestId('bill-number').textContent()) ?? '';
    await page.keyboard.press('Escape');
    const ret = (await counter.api.showBill({ bill: retNo })).bill;
    expect(ret).toMatchObject({ kind: 'return', originalNumber: null, reason: 'Customer lost the receipt', approvedBy: { name: 'asif' } });
    expect(await stockOf(dal.sku)).toBe(dalBefore + 1);

    // Void the discounted sale: a reason and the PIN; its stock comes back.
    await page.getByRole('button', { name: 'Return without a receipt' }).click();
    await page.getByLabel('Bill number').focus();
    await page.keyboard.type(number, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Void this bill' }).click();
    await page.getByLabel('Why is it voided?').waitFor();
    await page.keyboard.type('Rang up twice');
    await page.keyboard.press('Enter');
    await approveAsManager('voiding a bill');
    await expect.poll(async () => (await counter.api.showBill({ bill: number })).bill.status).toBe('voided');
    await page.getByText('This bill is void.').waitFor();
    expect(await stockOf(dal.sku)).toBe(dalBefore + 2);
    await screenshot(page, 'bills-16-voided');
  });
});
