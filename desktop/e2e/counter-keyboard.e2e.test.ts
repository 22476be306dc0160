import { formatMoney } from '@bazaar/shared';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/testing/free-port';
import { browserTestSuite, checkEachTest, openCounter, screenshot, type ConsoleErrors } from './support/browser';
import { cutOffSideways } from '../../test-support/in-view.check';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * The cashier's keyboard path (issue 16) on a small shop PC screen (1024×600): the scan box
 * after an unknown code, every stock screen done with the keyboard alone, and the cart's
 * amounts and remove buttons on screen. Pictures go to e2e/output/screenshots/keyboard-*.
 */
const PIN = '1357';
const [soap, biscuits, rice, , tea] = catalogue;

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
const suite = browserTestSuite('counter with the keyboard alone at 1024×600');

async function focusedLabel(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const id = el.getAttribute('id');
    const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
    return el.getAttribute('aria-label') ?? label ?? el.textContent;
  });
}

const status = () => page.getByRole('status').first().textContent();

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), freePort().then((port) => startCounter({ port }))]);
  await seedSignedInStore(counter.api, PIN);
  ({ page, errors } = await openCounter(browser, counter.url, { width: 1024, height: 600 }));
});

checkEachTest(() => ({ page, errors }), 'keyboard-');

endAfterAll(() => [browser, counter]);

describe.skipIf(suite.skip)(suite.title, () => {
  it('empties the scan box after an unknown barcode, so the next scan is read on its own', async () => {
    errors.allow(/status of 404 .*\/api\/(findProduct|scanCode)\)$/);
    const box = page.getByLabel('Scan barcode or search');
    await scan(page, '8900000000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('“8900000000000”');
    expect(await box.inputValue()).toBe('');
    await scan(page, soap.barcode);
    // And a scanner that sends the next code before the unknown one has been answered.
    await scan(page, '8900000000001');
    await scan(page, biscuits.barcode);
    const rows = page.getByTestId('cart').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(soap.name);
    expect(await rows.nth(1).textContent()).toContain(biscuits.name);
    expect(await box.inputValue()).toBe('');
    await page.keyboard.press('Escape');
  });

  it('sells with the keyboard alone: scan, F9, Enter, Enter', async () => {
    await scan(page, tea.barcode);
    await expect.poll(() => page.getByTestId('cart').locator('tbody tr').count()).toBe(3);
    await page.keyboard.press('F9');
    await page.getByLabel('Cash tendered').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('bill-number').waitFor();
    await page.keyboard.press('Enter');
    const total = soap.priceMinor + biscuits.priceMinor + tea.priceMinor;
    await expect.poll(status).toContain(`Sale saved: 3 lines, ${formatMoney(total)}`);
  });

  it('receives stock with the keyboard alone', async () => {
    await goTo(page, 'F2', /Receive stock/);
    await scan(page, tea.barcode);
    await page.getByTestId('picked-product').waitFor();
    await expect.poll(focusedLabel).toBe('Quantity received');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('Received 6 pc of Tata Tea Premium 500 g');
  });

  it('removes stock with the keyboard alone: a reason is chosen already, arrows change it', async () => {
    await goTo(page, 'F3', /Remove stock/);
    await scan(page, biscuits.barcode);
    await expect.poll(focusedLabel).toBe('Quantity to remove');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('Removed 1 pc of Parle-G biscuits 250 g (damaged)');
    // The reasons are one stop before the quantity: Shift+Tab, an arrow, Tab back, Enter.
    await scan(page, biscuits.barcode);
    await expect.poll(focusedLabel).toBe('Quantity to remove');
    await page.keyboard.type('2');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLabel()).toBe('Damaged');
    await page.keyboard.press('ArrowRight');
    // The radio group moves focus to the new choice after React has drawn it (a timer), so wait for it.
    await expect.poll(focusedLabel).toBe('Expired');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Quantity to remove');
    await page.keyboard.press('Enter');
    await expect.poll(status).toContain('Removed 2 pc of Parle-G biscuits 250 g (expired)');
    await screenshot(page, 'keyboard-remove');
    const [last] = (await counter.api.history({ kind: 'REMOVE', limit: 1 })).items;
    expect(last).toMatchObject({ sku: biscuits.sku, qty: -2, reason: 'expiry' });
  });

  it('counts a shelf with the keyboard alone', async () => {
    await goTo(page, 'F4', /Count the shelf/);
    await scan(page, rice.barcode);
    await expect.poll(focusedLabel).toBe(`Counted ${rice.name}`);
    await page.keyboard.type('39.5');
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Scan the next product');
    await page.keyboard.press('F9');
    await expect.poll(status).toContain('Count saved for 1 product');
    expect((await counter.api.findProduct({ code: rice.sku })).qty).toBe(39_500);
  });

  it('keeps the cart’s amounts and remove buttons on a 1024×600 screen', async () => {
    await goTo(page, 'F1', /^Counter$/);
    for (const p of catalogue.filter((c) => c.unit === 'pc' && c.stock > 0)) await scan(page, `12*${p.barcode}`);
    const rows = page.getByTestId('cart').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    // Each line's amount and its two buttons (discount, remove): whole, in the window, not scrolled away.
    const cells = page.getByTestId('cart').locator('tbody tr td:nth-child(4), tbody tr button');
    expect(await cells.count()).toBe(4 * 3);
    expect(await cutOffSideways(cells)).toEqual([]);
    expect(await cutOffSideways(page.getByTestId('cart-total'))).toEqual([]);
    // Nothing on the page is wider than the screen either (no sideways scrolling at the till).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, 'keyboard-cart-1024x600');
  });
});
