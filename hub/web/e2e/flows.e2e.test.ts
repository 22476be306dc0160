import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpiryReport, InTransitRow, LoginResult, Page as ApiPage, PurchaseOrderSummary, ReorderReport, TransferView } from '@bazaar/shared';
import { PASSWORD } from './seed';
import { openTab, signInAs } from './sign-in';
import { seedFlows } from './flows.seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, screenshotDir } from './harness';

const suite = browserTestSuite('head office follows transfers, purchases and expiry across stores');

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({ suite, prepare: seedFlows, context: { timezoneId: 'Asia/Karachi' } });

  const rows = (testId: string) => t.page.getByTestId(testId).locator('tbody tr:not(.skeleton-row)');
  const loaded = (testId: string) => t.page.getByTestId(testId).getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  const text = async (testId: string) => ((await t.page.getByTestId(testId).innerText()) ?? '').replace(/\s+/g, ' ').trim();
  const signIn = (username: string) => signInAs(t.page, t.hub.url, username);
  const open = (tab: string) => openTab(t.page, tab);

  it('lists the transfers the API answers and drills into one: sent against counted in, short, damaged, in transit', async () => {
    await signIn('owner');
    await open('Transfers');
    await loaded('transfers-table');
    const fromApi = await t.api.call<ApiPage<TransferView>>('GET', '/transfers?limit=50');
    expect(fromApi.items.map((v) => v.number)).toEqual([t.seed.draft.number, t.seed.planned.number]);
    await expect.poll(() => rows('transfers-table').count()).toBe(2);
    const first = await rows('transfers-table').filter({ hasText: t.seed.planned.number }).innerText();
    expect(first).toContain('Saddar');
    expect(first).toContain('Clifton');
    expect(first).toContain('Partly received');
    expect(first).toContain('1 line differs');
    expect(await rows('transfers-table').filter({ hasText: t.seed.draft.number }).innerText()).toContain('Draft');

    await rows('transfers-table').filter({ hasText: t.seed.planned.number }).click();
    await t.page.getByTestId('transfer-lines').waitFor();
    const lines = t.page.getByTestId('transfer-lines').locator('tbody tr');
    const atta = await lines.filter({ hasText: 'Chakki Atta' }).innerText();
    expect(atta.replace(/\s+/g, ' ')).toMatch(/10 pc 8 pc 1 pc — 1 pc short 1 pc damaged/);
    const rice = await lines.filter({ hasText: 'Basmati' }).innerText();
    expect(rice.replace(/\s+/g, ' ')).toMatch(/2\.5 kg — — 2\.5 kg/);
    expect(await text('transfer-drilldown')).toContain('Bilal Ahmed');
    await t.shot('transfers-drilldown');
    await t.page.keyboard.press('Escape');

    // The status filter is kept in the address: a bookmark of drafts.
    await t.page.getByTestId('transfer-status').selectOption('draft');
    await expect.poll(() => t.page.url()).toContain('status=draft');
    await expect.poll(() => rows('transfers-table').count()).toBe(1);
    expect(await rows('transfers-table').first().innerText()).toContain(t.seed.draft.number);
  });

  it('shows what is in transit as the report says, and in the product drill-down of the stock page', async () => {
    await t.page.goto(`${t.hub.url}/transfers?view=transit`);
    await loaded('in-transit-table');
    const report = await t.api.call<{ items: InTransitRow[] }>('GET', '/reports/in-transit');
    expect(report.items.map((r) => [r.fromStoreCode, r.toStoreCode, r.sku, r.qty])).toEqual([['KHI-01', 'KHI-02', 'RICE-LOOSE', 2500]]);
    await expect.poll(() => rows('in-transit-table').count()).toBe(1);
    expect((await rows('in-transit-table').first().innerText()).replace(/\s+/g, ' ')).toMatch(/KHI-01 KHI-02 Basmati Rice \(loose\) RICE-LOOSE 2\.5 kg 1/);
    await t.shot('transfers-in-transit');

    await open('Stock');
    await loaded('stock-table');
    // On its way to Clifton: beside what Clifton holds, in the table and its CSV.
    await expect.poll(async () => (await rows('stock-table').filter({ hasText: 'Basmati' }).filter({ hasText: 'Clifton' }).innerText()).replace(/\s+/g, ' ')).toMatch(/20 kg 2\.5 kg/);
    expect((await rows('stock-table').filter({ hasText: 'Basmati' }).filter({ hasText: 'Saddar' }).innerText()).replace(/\s+/g, ' ')).toMatch(/17\.5 kg —/);
    await rows('stock-table').filter({ hasText: 'Basmati' }).first().click();
    await t.page.getByTestId('drilldown-transit-total').waitFor();
    await expect.poll(() => text('drilldown-transit-total')).toBe('2.5 kg');
    expect(await text('drilldown-in-transit')).toContain('KHI-01 → KHI-02: 2.5 kg');
    await t.page.keyboard.press('Escape');
  });

  it('plans a transfer from one store to another: a draft the sending counter will dispatch', async () => {
    await t.page.goto(`${t.hub.url}/transfers`);
    await loaded('transfers-table');
    await t.page.getByTestId('new-transfer').click();
    const form = t.page.getByTestId('transfer-form');
    const pick = async (label: string, text: string, option: string) => {
      await form.getByLabel(label, { exact: true }).fill(text);
      await t.page.getByRole('option', { name: new RegExp(option) }).first().click();
    };
    await pick('From store', 'Saddar', 'Saddar');
    await pick('To store', 'Anarkali', 'Anarkali');
    await pick('Product 1', 'Tapal', 'Tapal');
    await form.getByLabel('Quantity 1').fill('4');
    await form.getByTestId('add-line').click();
    await pick('Product 2', 'Basmati', 'Basmati');
    await form.getByLabel('Quantity 2').fill('1.5');
    await t.shot('transfers-new');
    await form.getByRole('button', { name: 'Make the transfer' }).click();
    await t.page.getByTestId('transfer-drilldown').waitFor();
    const made = (await t.api.call<ApiPage<TransferView>>('GET', `/transfers?fromStoreId=${t.seed.saddar.id}&toStoreId=${t.seed.lahore.id}`)).items;
    expect(made).toHaveLength(1);
    expect(made[0]!.status).toBe('draft');
    expect(made[0]!.origin).toBe('hub');
    expect(made[0]!.lines.map((l) => [l.sku, l.qtySent])).toEqual([['TEA-TAPAL-250', 4], ['RICE-LOOSE', 1500]]);
    expect(await t.page.getByRole('dialog').getByRole('heading').first().innerText()).toContain(made[0]!.number);
    expect((await t.page.getByTestId('transfer-lines').innerText()).replace(/\s+/g, ' ')).toMatch(/Basmati Rice \(loose\) RICE-LOOSE 1\.5 kg/);
    await t.page.keyboard.press('Escape');
    await expect.poll(() => rows('transfers-table').count()).toBe(3);
  });

  it('shows purchase orders with what was received, and the goods received', async () => {
    await open('Purchases');
    await loaded('po-table');
    const orders = await t.api.call<ApiPage<PurchaseOrderSummary>>('GET', '/purchase-orders');
    expect(orders.items.map((o) => [o.number, o.status])).toEqual([[t.seed.po.number, 'partly_received']]);
    const row = await rows('po-table').first().innerText();
    expect(row).toContain(t.seed.po.number);
    expect(row).toContain('Partly received');
    expect(row).toContain('Indus Traders');
    await rows('po-table').first().click();
    await t.page.getByTestId('po-lines').waitFor();
    expect(row).toContain('1 of 2 lines in');
    // 20 of 20 atta and 5 of 12 tea: (100% + 42%) / 2.
    expect(await text('po-progress')).toContain('1 of 2 lines complete · 71% received, line by line');
    const tea = (await t.page.getByTestId('po-lines').locator('tbody tr').filter({ hasText: 'Tapal' }).innerText()).replace(/\s+/g, ' ');
    expect(tea).toMatch(/12 pc 5 pc .* 7 pc short/);
    expect(await text('po-receipts')).toContain('INV-7781');
    expect(await text('po-text')).toContain(t.seed.po.number);
    await t.shot('purchases-order');
    await t.page.keyboard.press('Escape');

    await t.page.getByTestId('view-receipts').click();
    await loaded('gr-table');
    expect((await rows('gr-table').first().innerText()).replace(/\s+/g, ' ')).toContain(`${t.seed.receipt.number} Clifton Indus Traders INV-7781`);
  });

  it('lists what to order across stores by supplier with why, and makes the purchase orders in one step', async () => {
    await t.page.goto(`${t.hub.url}/purchases?view=reorder`);
    await t.page.getByTestId('reorder-group').first().waitFor();
    const report = await t.api.call<ReorderReport>('GET', '/reports/reorder');
    const withSupplier = report.groups.filter((g) => g.supplierId !== null);
    expect(withSupplier.length).toBeGreaterThan(0);
    await expect.poll(() => t.page.getByTestId('reorder-group').count()).toBe(report.groups.length);
    for (const g of report.groups) {
      const card = t.page.getByTestId('reorder-group').filter({ hasText: `${g.storeName} · ${g.supplierName}` });
      expect(await card.locator('tbody tr').count()).toBe(g.lines.length);
      for (const l of g.lines) {
        const line = (await card.locator('tbody tr').filter({ hasText: l.sku }).innerText()).replace(/\s+/g, ' ');
        expect(line).toContain(`${l.suggestedQty}`);
        expect(line).toMatch(/a day · .*(days of cover|no sales to measure cover)/);
      }
    }
    const lineCount = withSupplier.reduce((a, g) => a + g.lines.length, 0);
    await expect.poll(() => t.page.getByTestId('make-pos').innerText()).toContain(`${lineCount} line`);
    await t.shot('purchases-reorder');
    const before = (await t.api.call<ApiPage<PurchaseOrderSummary>>('GET', '/purchase-orders')).items.length;
    await t.page.getByTestId('make-pos').click();
    await t.page.getByTestId('pos-made').waitFor();
    const after = (await t.api.call<ApiPage<PurchaseOrderSummary>>('GET', '/purchase-orders')).items;
    const made = after.slice(0, after.length - before);
    // One order per store and supplier, each line the suggested quantity.
    expect(made.length).toBe(withSupplier.length);
    expect(await text('pos-made')).toContain(`Made ${made.length} purchase order`);
    for (const o of made) expect(await text('pos-made')).toContain(o.number);
    expect(made.every((o) => o.madeAt === 'head_office' && o.status === 'sent')).toBe(true);
    await t.page.getByRole('button', { name: 'See the open orders' }).click();
    await loaded('po-table');
    await expect.poll(() => rows('po-table').count()).toBe(after.filter((o) => o.status !== 'received').length);
  });

  it('shows a supplier’s open orders, receipts and what was bought', async () => {
    await t.page.goto(`${t.hub.url}/purchases?view=supplier&supplier=${t.seed.indus.id}`);
    await t.page.getByTestId('supplier-page').waitFor();
    const open = (await t.api.call<ApiPage<PurchaseOrderSummary>>('GET', `/purchase-orders?supplierId=${t.seed.indus.id}&status=open`)).items;
    expect(await t.page.getByTestId('supplier-open-orders').locator('tbody tr').count()).toBe(open.length);
    expect(await text('supplier-receipts')).toContain('INV-7781');
    expect(await text('supplier-products')).toContain('Chakki Atta 5 kg');
    await t.shot('purchases-supplier');
  });

  it('lists expired and expiring stock per category and store in store-local days', async () => {
    await open('Expiry');
    await loaded('expiry-table');
    const report = await t.api.call<ExpiryReport>('GET', '/reports/expiry?withinDays=30');
    expect(report.items.map((r) => [r.storeCode, r.lot, r.status, r.qty])).toEqual([
      ['KHI-01', 'NP-0411', 'expired', 12],
      ['KHI-01', 'NP-0419', 'expiring', 24],
      ['KHI-02', 'NP-0420', 'expiring', 18],
    ]);
    await expect.poll(() => rows('expiry-table').count()).toBe(3);
    expect(await rows('expiry-table').first().innerText()).toMatch(/expired 2 days ago/);
    expect(await rows('expiry-table').nth(1).innerText()).toMatch(/in 3 days/);
    const groups = t.page.getByTestId('expiry-groups').locator('tbody tr');
    expect(await groups.count()).toBe(2);
    expect((await groups.first().innerText()).replace(/\s+/g, ' ')).toMatch(/Dairy Saddar 1 batch, .* 1 batch, /);
    await t.shot('expiry');
    await t.page.getByTestId('expiry-within').fill('4');
    await expect.poll(() => rows('expiry-table').count()).toBe(2);
    await expect.poll(() => t.page.url()).toContain('within=4');
  });

  it('a manager sees only their store: its transfers, its reorder list, its expiry', async () => {
    const manager = await t.api.call<LoginResult>('POST', '/auth/login', { username: 'imran', password: PASSWORD }, '');
    await signIn('imran');
    await open('Transfers');
    await loaded('transfers-table');
    const theirs = await t.api.call<ApiPage<TransferView>>('GET', '/transfers', undefined, manager.token);
    expect(theirs.items.every((v) => v.fromStoreId === t.seed.saddar.id || v.toStoreId === t.seed.saddar.id)).toBe(true);
    await expect.poll(() => rows('transfers-table').count()).toBe(theirs.items.length);
    expect(await t.page.getByTestId('transfers-table').innerText()).not.toContain(t.seed.draft.number);

    await t.page.goto(`${t.hub.url}/purchases?view=reorder`);
    await t.page.getByTestId('reorder').waitFor();
    await t.page.waitForLoadState('networkidle');
    const groups = (await t.api.call<ReorderReport>('GET', '/reports/reorder', undefined, manager.token)).groups;
    expect(groups.every((g) => g.storeId === t.seed.saddar.id)).toBe(true);
    expect(await t.page.getByTestId('reorder-group').count()).toBe(groups.length);
    expect(await t.page.getByTestId('reorder').innerText()).not.toMatch(/Clifton|Anarkali/);

    await open('Expiry');
    await loaded('expiry-table');
    await expect.poll(() => rows('expiry-table').count()).toBe(2);
    expect(await t.page.getByTestId('expiry-table').innerText()).not.toContain('Clifton');
  });

  it('reads right to left in Urdu', async () => {
    const context = await t.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Karachi', reducedMotion: 'reduce' });
    await context.addInitScript(() => window.localStorage.setItem('bazaar.web.locale', 'ur'));
    const ur = await context.newPage();
    t.consoleErrors.watch(ur);
    await ur.goto(`${t.hub.url}/`);
    await ur.locator('input[name="username"]').fill('owner');
    await ur.locator('input[name="password"]').fill(PASSWORD);
    await ur.locator('form button[type="submit"]').click();
    await ur.getByTestId('user-chip').waitFor();
    await ur.goto(`${t.hub.url}/transfers`);
    await ur.getByRole('heading', { level: 1, name: 'منتقلیاں' }).waitFor();
    await ur.getByTestId('transfers-table').getByTestId('row-count').filter({ hasNotText: '…' }).waitFor();
    expect(await ur.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await ur.locator('[data-testid=transfers-table] tbody tr').filter({ hasText: t.seed.planned.number }).click();
    await ur.getByTestId('transfer-lines').waitFor();
    expect(await ur.getByTestId('transfer-lines').innerText()).toContain('کم');
    await ur.screenshot({ path: path.join(screenshotDir, 'transfers-ur.png'), fullPage: true });
    await context.close();
  });
});
