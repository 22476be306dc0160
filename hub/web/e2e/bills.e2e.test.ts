import { describe, expect, it } from 'vitest';
import { formatMoney, type BillReport, type BillSummary, type Page as ApiPage } from '@bazaar/shared';
import { openTab, signInAs } from './sign-in';
import { seedBills } from './bills.seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite } from './harness';

const suite = browserTestSuite('head office sees every bill pushed by the counters');

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({ suite, prepare: seedBills });

  const rows = () => t.page.getByTestId('bills-table').locator('tbody tr:not(.skeleton-row)');
  const loaded = () => t.page.getByTestId('bills-table').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  async function openBills(username: string) {
    await signInAs(t.page, t.hub.url, username);
    await openTab(t.page, 'Bills');
    await loaded();
  }

  it('lists the bills the API answers, newest first, with names, totals and status badges', async () => {
    await openBills('owner');
    const fromApi = await t.api.call<ApiPage<BillSummary>>('GET', '/bills?limit=50');
    expect(fromApi.items.map((b) => b.number)).toEqual([t.seed.other, t.seed.voided, t.seed.ret, t.seed.split, t.seed.cash].map((b) => b.number));
    await expect.poll(() => rows().count()).toBe(fromApi.items.length);
    for (const [i, b] of fromApi.items.entries()) {
      const text = await rows().nth(i).innerText();
      expect(text).toContain(b.number);
      expect(text).toContain(b.storeName);
      expect(text).toContain(b.cashierName ?? '');
      expect(text).toContain(formatMoney(b.totalMinor));
    }
    expect(await rows().filter({ hasText: t.seed.cash.number }).innerText()).toMatch(/returned/);
    expect(await rows().filter({ hasText: t.seed.voided.number }).innerText()).toMatch(/voided/);
    expect(await rows().filter({ hasText: t.seed.split.number }).innerText()).toMatch(/Cash .*JazzCash/);
    await t.page.getByLabel('Status', { exact: true }).selectOption('voided');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain(t.seed.voided.number);
    await t.page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('opens a bill: its lines with quantities and units, payments, the return against it and the receipt', async () => {
    await rows().filter({ hasText: t.seed.cash.number }).click();
    const dialog = t.page.getByRole('dialog', { name: t.seed.cash.number });
    await dialog.getByTestId('bill-receipt').waitFor();
    const lines = await dialog.getByTestId('bill-lines').innerText();
    expect(lines).toContain('Chakki Atta 5 kg');
    expect(lines).toMatch(/2 pc/);
    expect(lines).toContain(formatMoney(232000));
    expect(await dialog.getByTestId('bill-payments').innerText()).toContain(formatMoney(250000));
    expect(await dialog.getByTestId('bill-returns').innerText()).toContain(t.seed.ret.number);
    const receipt = await dialog.getByTestId('bill-receipt').innerText();
    const detail = await t.api.call<{ receiptText: string }>('GET', `/bills/${t.seed.cash.id}`);
    expect(receipt.trim()).toBe(detail.receiptText.trim());
    expect(await dialog.getByTestId('bill-receipt').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    await dialog.getByTestId('bill-receipt').scrollIntoViewIfNeeded();
    await t.shot('bills-01-drilldown');
    await t.page.keyboard.press('Escape');
  });

  it('shows sales by method, cashier and hour as the API computes them, net of the return and without the voided bill', async () => {
    const byMethod = await t.api.call<BillReport>('GET', '/reports/bills?groupBy=method');
    expect(byMethod.items.find((r) => r.key === 'card')).toBeUndefined();
    const card = t.page.getByTestId('bills-report-method');
    await card.locator('tbody tr').first().waitFor();
    for (const r of byMethod.items) expect(await card.innerText()).toContain(formatMoney(r.netMinor));
    expect(await card.innerText()).toContain(formatMoney(byMethod.totalMinor));
    const byCashier = await t.page.getByTestId('bills-report-cashier').innerText();
    expect(byCashier).toContain('Sana Malik');
    expect(byCashier).toContain('Bilal Ahmed');
    await t.page.getByTestId('bills-report-hour').locator('tbody tr').first().waitFor();
    await t.shot('bills-00-list');
  });

  it('shows a manager only their store’s bills', async () => {
    await openBills('imran');
    await expect.poll(() => rows().count()).toBe(4);
    expect(await t.page.getByTestId('bills-table').innerText()).not.toContain(t.seed.other.number);
    expect(await t.page.getByTestId('bills-table').innerText()).not.toContain('Clifton');
  });
});
