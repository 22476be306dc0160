import { createTranslator, type Locale } from '@bazaar/shared';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/testing/free-port';
import { textOverflows } from '../../test-support/text-overflow.check';
import { ConsoleErrors as Watch } from '../../test-support/console-errors.watch';
import { browserTestSuite, checkEachTest, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedLocalCatalogue } from './support/seed';
import { scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * Issue 15's done-when at the counter: a Lahore shopkeeper sells in Urdu with rupees in Rs and
 * Lahore's clock on the receipt; a Delhi store works in Hindi with ₹ and Delhi's clock. Two
 * stand-alone counters, each counting in the money of its clock's country until someone chooses
 * (screenshots done-when-*, shown in the README).
 */
const PIN = '2468';
const suite = browserTestSuite("the done-when: Lahore in Urdu with Rs, Delhi in Hindi with ₹");

let browser: Browser;
const counters: CounterApp[] = [];
let page: Page;
let errors: ConsoleErrors;

beforeAll(async () => {
  browser = await suite.launch();
});
checkEachTest(() => ({ page, errors }));
endAfterAll(() => [browser, ...counters]);

/** A stand-alone store on its own clock, its shopkeeper's PIN set, the catalogue stocked; the counter opens in `lang`. */
async function openStore(store: { code: string; name: string; header: string; timeZone: string }, person: { username: string; name: string }, lang: Locale): Promise<void> {
  const counter = await startCounter({ port: await freePort() });
  counters.push(counter);
  await counter.api.initStore({ code: store.code, name: store.name });
  await counter.api.updateBillSettings({ timeZone: store.timeZone, receiptHeader: [store.header] });
  await counter.api.createUser({ username: person.username, name: person.name, role: 'admin', pin: PIN });
  await counter.api.signIn({ username: person.username, pin: PIN });
  await seedLocalCatalogue(counter.api);
  await counter.api.signOut().catch(() => undefined);
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = new Watch().watch(page);
  await page.addInitScript((l) => window.localStorage.setItem('bazaar.locale', l), lang);
  await page.goto(counter.url);
  const t = createTranslator({ locale: lang });
  await page.getByLabel(t.t('common.pin')).fill(PIN);
  await page.getByRole('button', { name: t.t('signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: t.t('counter.nav.counter') }).waitFor();
}

/** The store's day as its receipt prints it ("04 Dec 2026"), on its own clock. */
const dayIn = (timeZone: string, at = new Date()) => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: 'short', year: 'numeric' }).format(at);

/** Cash for the bill (F9, the amount typed, Enter); the receipt dialog's text. */
async function payCash(amount: string): Promise<string> {
  await page.keyboard.press('F9');
  await page.getByTestId('payment').waitFor();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await page.getByTestId('bill-number').waitFor();
  const receipt = page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' });
  await receipt.waitFor();
  return (await receipt.textContent()) ?? '';
}

describe.skipIf(suite.skip)(suite.title, () => {
  it('Lahore: the counter in Urdu, amounts in Rs, the receipt on Lahore’s clock', async () => {
    await openStore({ code: 'LHR-01', name: 'Lahore General Store', header: 'Anarkali Bazaar, Lahore', timeZone: 'Asia/Karachi' }, { username: 'asif', name: 'Asif Khan' }, 'ur');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    await scan(page, `2*${catalogue[0].barcode}`);
    await scan(page, catalogue[4].sku);
    // 2 × 45.00 + 280.00 in Pakistani rupees: the store's clock is Karachi's, so is its money.
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toMatch(/^Rs\s?370\.00$/);
    expect(await page.getByTestId('cart').textContent()).not.toContain('₹');
    await screenshot(page, 'done-when-01-lahore-urdu-cart');
    expect(await textOverflows(page)).toEqual([]);
    const before = dayIn('Asia/Karachi');
    const receipt = await payCash('500');
    expect(receipt).toMatch(/TOTAL Rs +370\.00/);
    expect([before, dayIn('Asia/Karachi')]).toContain(/\d{2} \w{3} \d{4}/.exec(receipt)?.[0]);
    await screenshot(page, 'done-when-02-lahore-urdu-receipt');
  });

  it('Delhi: the counter in Hindi, amounts in ₹, the receipt on Delhi’s clock', async () => {
    await openStore({ code: 'DEL-01', name: 'Chandni Chowk Kirana', header: 'Chandni Chowk, Delhi', timeZone: 'Asia/Kolkata' }, { username: 'ravi', name: 'Ravi Sharma' }, 'hi');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['hi', 'ltr']);
    await scan(page, `20*${catalogue[6].barcode}`);
    await scan(page, catalogue[1].sku);
    // 20 × 160.00 + 30.00 in Indian rupees: the store's clock is Delhi's, so is its money.
    await expect.poll(() => page.getByTestId('cart-total').textContent()).toBe('₹3,230.00');
    expect(await page.getByTestId('cart').textContent()).not.toContain('Rs');
    await screenshot(page, 'done-when-03-delhi-hindi-cart');
    expect(await textOverflows(page)).toEqual([]);
    const before = dayIn('Asia/Kolkata');
    const receipt = await payCash('5000');
    expect(receipt).toMatch(/TOTAL ₹ +3,230\.00/);
    expect([before, dayIn('Asia/Kolkata')]).toContain(/\d{2} \w{3} \d{4}/.exec(receipt)?.[0]);
    await screenshot(page, 'done-when-04-delhi-hindi-receipt');
  });
});
