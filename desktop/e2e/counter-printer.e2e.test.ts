import { createServer, type Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/testing/free-port';
import { browserTestSuite, checkEachTest, openCounter, screenshot, type ConsoleErrors } from './support/browser';
import { startCounter, type CounterApp } from './support/counter-app';
import { catalogue, seedSignedInStore } from './support/seed';
import { goTo, scan } from './support/ui';
import { endAfterAll } from './support/teardown';

/*
 * Receipts on a network printer (issue 17): the manager sets the printer's address in Settings,
 * the cashier prints a Latin receipt (sent as ESC/POS text) and a receipt with an Urdu product
 * name (sent as the page's drawing of it, a raster image). The printer is a TCP port that keeps
 * what it is sent, as a thermal printer on port 9100 would.
 */
const PORT = 8880;
const PIN = '2580';
const RASTER = Buffer.from([0x1d, 0x76, 0x30]);

let browser: Browser;
let counter: CounterApp;
let page: Page;
let errors: ConsoleErrors;
let printer: Server;
let printerAddress: string;
const jobs: Buffer[] = [];
const suite = browserTestSuite('counter receipts on a network printer');

beforeAll(async () => {
  [browser, counter] = await Promise.all([suite.launch(), startCounter({ port: PORT })]);
  await seedSignedInStore(counter.api, PIN);
  await counter.api.addProduct({ sku: 'CHEENI', barcode: '2000000000091', name: 'چینی (کھلی)', unit: 'pc', priceMinor: 16_000, costMinor: 14_000 });
  await counter.api.stockIn({ product: 'CHEENI', qty: 20 });
  printer = createServer((s) => {
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => jobs.push(Buffer.concat(chunks)));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => printer.listen(port, '127.0.0.1', resolve));
  printerAddress = `127.0.0.1:${port}`;
  ({ page, errors } = await openCounter(browser, counter.url, { width: 1280, height: 860 }));
});

checkEachTest(() => ({ page, errors }), 'printer-');

endAfterAll(() => [printer, browser, counter]);

async function sellOne(code: string): Promise<string> {
  await goTo(page, 'F1', /^Counter$/);
  await page.getByLabel('Scan barcode or search').focus();
  await scan(page, code);
  await expect.poll(() => page.getByTestId('cart').locator('tbody tr').count()).toBe(1);
  await page.keyboard.press('F9');
  await page.getByTestId('payment').getByLabel('Cash tendered').waitFor();
  await page.keyboard.type('500');
  await page.keyboard.press('Enter');
  const number = (await page.getByTestId('bill-number').textContent()) ?? '';
  await page.getByTestId('receipt').locator('pre').filter({ hasText: 'TOTAL' }).waitFor();
  return number.trim();
}

describe.skipIf(suite.skip)(suite.title, () => {
  it('sets the printer in Settings, then prints a Latin receipt as ESC/POS text and shares it on WhatsApp', async () => {
    await goTo(page, 'F8', /^Settings$/);
    await page.getByRole('tab', { name: 'Store & thresholds' }).click();
    errors.allow(/status of 4\d\d .*\/api\/updateBillSettings\)$/);
    await page.getByLabel('Printer address').fill('http://printer');
    await page.getByRole('button', { name: 'Save printer' }).click();
    await page.getByText(/a printer address is a host name or IP address/).waitFor();
    await page.getByLabel('Printer address').fill(printerAddress);
    await page.getByLabel('Paper').selectOption('32');
    await page.getByRole('button', { name: 'Save printer' }).click();
    await page.getByText(`Receipts print on ${printerAddress}.`).waitFor();
    await screenshot(page, 'printer-01-settings');

    const number = await sellOne(catalogue[0].sku);
    await page.getByTestId('receipt-dialog').getByRole('button', { name: '58 mm' }).click();
    await screenshot(page, 'printer-02-receipt-dialog');
    await page.getByTestId('print-on-printer').click();
    await page.getByTestId('printer-state').filter({ hasText: `Sent to the printer at ${printerAddress}` }).waitFor();
    await expect.poll(() => jobs.length).toBe(1);
    const job = jobs[0]!;
    expect(job.toString('latin1')).toContain(number);
    expect(job.toString('latin1')).toContain(catalogue[0].name);
    expect(job.indexOf(RASTER)).toBe(-1);
    const share = await page.getByTestId('share-whatsapp').getAttribute('href');
    expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(decodeURIComponent(share!.slice('https://wa.me/?text='.length))).toContain(number);
    await screenshot(page, 'printer-03-receipt-sent');
    await page.keyboard.press('Escape');
  });

  it('prints a receipt with an Urdu product name as the page drew it: a raster image with the text in dots', async () => {
    const number = await sellOne('CHEENI');
    await page.getByTestId('receipt-dialog').getByRole('button', { name: '80 mm' }).click();
    expect(await page.getByTestId('receipt').locator('pre').textContent()).toContain('چینی');
    await page.getByTestId('print-on-printer').click();
    await page.getByTestId('printer-state').filter({ hasText: 'Sent to the printer' }).waitFor();
    await expect.poll(() => jobs.length).toBe(2);
    const job = jobs[1]!;
    const at = job.indexOf(RASTER);
    expect(at).toBeGreaterThan(0);
    // 58 mm: 384 dots = 48 bytes a row, sent in bands; together they are the whole receipt's height.
    expect(job[at + 4]).toBe(48);
    const rows = job[at + 6]! + 256 * job[at + 7]!;
    let total = 0;
    let end = at;
    for (let i = at; i >= 0; i = job.indexOf(RASTER, end)) {
      const band = job[i + 6]! + 256 * job[i + 7]!;
      total += band;
      end = i + 8 + 48 * band;
    }
    const lines = ((await page.getByTestId('receipt').locator('pre').textContent()) ?? '').trim().split('\n').length;
    expect(total).toBeGreaterThanOrEqual(lines * 20);
    const dots = job.subarray(at + 8, at + 8 + 48 * rows);
    const black = dots.reduce((n, b) => n + ((b.toString(2).match(/1/g) ?? []).length), 0);
    // Text, not a blank or a filled page: a few percent of the dots are black.
    expect(black / (384 * rows)).toBeGreaterThan(0.01);
    expect(black / (384 * rows)).toBeLessThan(0.4);
    expect(job.toString('utf8')).not.toContain('چینی');
    // The bill number goes only in the QR code after the image (the receipt's words are all dots).
    const text = job.toString('latin1');
    expect(text.indexOf(number)).toBeGreaterThan(end);
    expect(text.indexOf(number)).toBe(text.lastIndexOf(number));
    await screenshot(page, 'printer-04-urdu-receipt-sent');
  });
});
