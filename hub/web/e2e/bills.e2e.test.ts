import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatMoney, type BillReport, type BillSummary, type Page as ApiPage } from '@bazaar/shared';
import type { ApiSeeder } from './seed';
import { openTab, signInAs } from './sign-in';
import { seedBills } from './bills.seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

type Seed = Awaited<ReturnType<typeof seedBills>>;

const suite = browserTestSuite('head office sees every bill pushed by the counters');

describe.skipIf(suite.skip)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let api: ApiSeeder;
  let seed: Seed;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({ suite, consoleErrors, prepare: seedBills, ready: (c) => ({ hub, api, browser, seed } = c) });

  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage();
    consoleErrors.watch(page);
  });

  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const rows = () => page.getByTestId('bills-table').locator('tbody tr:not(.skeleton-row)');
  const loaded = () => page.getByTestId('bills-table').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  async function openBills(username: string) {
    await signInAs(page, hub.url, username);
    await openTab(page, 'Bills');
    await loaded();
  }

  it('lists the bills the API answers, newest first, with names, totals and status badges', async () => {
    await openBills('owner');
    const fromApi = await api.call<ApiPage<BillSummary>>('GET', '/bills?limit=50');
    expect(fromApi.items.map((b) => b.number)).toEqual([seed.other, seed.voided, seed.ret, seed.split, seed.cash].map((b) => b.number));
    await expect.poll(() => rows().count()).toBe(fromApi.items.length);
    for (const [i, b] of fromApi.items.entries()) {
      const text = await rows().nth(i).innerText();
      expect(text).toContain(b.number);
      expect(text).toContain(b.storeName);
      expect(text).toContain(b.cashierName ?? '');
      expect(text).toContain(formatMoney(b.totalPaise));
    }
    expect(await rows().filter({ hasText: seed.cash.number }).innerText()).toMatch(/returned/);
    expect(await rows().filter({ hasText: seed.voided.number }).innerText()).toMatch(/voided/);
    expect(await rows().filter({ hasText: seed.split.number }).innerText()).toMatch(/Cash .*JazzCash/);
    await page.getByLabel('Status', { exact: true }).selectOption('voided');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain(seed.voided.number);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('opens a bill: its lines with quantities and units, payments, the return against it and the receipt', async () => {
    await rows().filter({ hasText: seed.cash.number }).click();
    const dialog = page.getByRole('dialog', { name: seed.cash.number });
    await dialog.getByTestId('bill-receipt').waitFor();
    const lines = await dialog.getByTestId('bill-lines').innerText();
    expect(lines).toContain('Chakki Atta 5 kg');
    expect(lines).toMatch(/2 pc/);
    expect(lines).toContain(formatMoney(232000));
    expect(await dialog.getByTestId('bill-payments').innerText()).toContain(formatMoney(250000));
    expect(await dialog.getByTestId('bill-returns').innerText()).toContain(seed.ret.number);
    const receipt = await dialog.getByTestId('bill-receipt').innerText();
    const detail = await api.call<{ receiptText: string }>('GET', `/bills/${seed.cash.id}`);
    expect(receipt.trim()).toBe(detail.receiptText.trim());
    expect(await dialog.getByTestId('bill-receipt').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await dialog.getByTestId('bill-receipt').scrollIntoViewIfNeeded();
    await shot('bills-01-drilldown');
    await page.keyboard.press('Escape');
  });

  it('shows sales by method, cashier and hour as the API computes them, net of the return and without the voided bill', async () => {
    const byMethod = await api.call<BillReport>('GET', '/reports/bills?groupBy=method');
    expect(byMethod.items.find((r) => r.key === 'card')).toBeUndefined();
    const card = page.getByTestId('bills-report-method');
    await card.locator('tbody tr').first().waitFor();
    for (const r of byMethod.items) expect(await card.innerText()).toContain(formatMoney(r.netPaise));
    expect(await card.innerText()).toContain(formatMoney(byMethod.totalPaise));
    const byCashier = await page.getByTestId('bills-report-cashier').innerText();
    expect(byCashier).toContain('Sana Malik');
    expect(byCashier).toContain('Bilal Ahmed');
    await page.getByTestId('bills-report-hour').locator('tbody tr').first().waitFor();
    await shot('bills-00-list');
  });

  it('shows a manager only their store’s bills', async () => {
    await openBills('imran');
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.getByTestId('bills-table').innerText()).not.toContain(seed.other.number);
    expect(await page.getByTestId('bills-table').innerText()).not.toContain('Clifton');
  });
});
