import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTranslator, formatMoney, type CustomerDetail, type LoginResult, type ReceivablesReport } from '@bazaar/shared';
import { PASSWORD } from './seed';
import { openTab, signInAs } from './sign-in';
import { seedReceivables } from './receivables.seed';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, parseCsv } from './harness';
import { textOverflows } from '../../../test-support/text-overflow.check';

const suite = browserTestSuite('head office sees what customers owe, store by store, and each customer’s statement');

describe.skipIf(suite.skip)(suite.title, () => {
  const t = useBrowserHub({ suite, prepare: seedReceivables, context: { acceptDownloads: true } });

  const text = async (p: Page, testId: string) => ((await p.getByTestId(testId).innerText()) ?? '').replace(/\s+/g, ' ').trim();
  const rows = (p: Page, testId: string) => p.getByTestId(testId).locator('tbody tr:not(.skeleton-row)');
  async function openReceivables(p: Page, username: string, { menu = false } = {}) {
    await signInAs(p, t.hub.url, username);
    // On a phone the navigation folds behind the menu button.
    if (menu) await p.getByRole('button', { name: 'Menu' }).click();
    await openTab(p, 'Receivables');
    await p.getByTestId('receivables-stores').getByTestId('row-count').filter({ hasNotText: 'Loading' }).waitFor();
  }

  it('shows the totals, every store with its ageing, the top balances and collection per day as the API answers them', async () => {
    await openReceivables(t.page, 'owner');
    const r = await t.api.call<ReceivablesReport>('GET', '/reports/receivables?top=20');
    // Ravi 5,000 + 2,000 − 1,000 − 500 = 5,500; Nadia 1,250; Zara 3,000 − 750 = 2,250 (rupees).
    expect(r.total.balanceMinor).toBe(900_000);
    expect(await text(t.page, 'kpi-receivables-owed')).toContain(formatMoney(r.total.balanceMinor));
    expect(await text(t.page, 'kpi-receivables-owed')).toContain('3 customers with a balance');
    expect(await text(t.page, 'kpi-receivables-overdue')).toContain(formatMoney(r.total.overdueMinor));
    expect(await text(t.page, 'kpi-receivables-over90')).toContain(formatMoney(r.total.ageing.d90plus));
    expect(await text(t.page, 'kpi-receivables-collected')).toContain(formatMoney(r.collections.reduce((a, c) => a + c.paidMinor, 0)));

    await expect.poll(() => rows(t.page, 'receivables-stores').count()).toBe(2);
    for (const s of r.stores) {
      const row = (await rows(t.page, 'receivables-stores').filter({ hasText: s.storeName }).innerText()).replace(/\s+/g, ' ');
      for (const minor of [s.balanceMinor, s.overdueMinor, s.ageing.d0_30, s.ageing.d31_60, s.ageing.d61_90, s.ageing.d90plus]) expect(row).toContain(formatMoney(minor));
    }
    // Sortable: by balance, largest first, then smallest.
    const balanceHeader = t.page.getByTestId('receivables-stores').getByRole('button', { name: 'Balance' });
    await balanceHeader.click();
    expect(await t.page.getByTestId('receivables-stores').getByRole('columnheader', { name: 'Balance' }).getAttribute('aria-sort')).toBe('descending');
    expect(await rows(t.page, 'receivables-stores').first().innerText()).toContain('Saddar');
    await balanceHeader.click();
    expect(await rows(t.page, 'receivables-stores').first().innerText()).toContain('Clifton');

    const top = rows(t.page, 'receivables-top');
    await expect.poll(() => top.count()).toBe(r.top.length);
    expect(r.top.map((x) => x.name)).toEqual(['Ravi Kumar', 'Zara Khan', 'Nadia Hussain']);
    for (const [i, x] of r.top.entries()) {
      const line = await top.nth(i).innerText();
      expect(line).toContain(x.name);
      expect(line).toContain(x.storeName);
      expect(line).toContain(formatMoney(x.balanceMinor));
    }
    const collection = await text(t.page, 'receivables-collection');
    for (const c of r.collections) expect(collection).toContain(formatMoney(c.paidMinor));
    expect(collection).toMatch(/Saddar .*500\.00/);
    // Words people read: names, money, dates; never an id.
    const body = await t.page.locator('main').innerText();
    for (const id of [t.seed.saddar.id, t.seed.ravi.id, t.seed.zara.id]) expect(body).not.toContain(id);
    await t.shot('web-receivables');
  });

  it('exports the per-store table through the t.hub as CSV', async () => {
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId('receivables-stores').getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    expect(csv[0]).toEqual(['storeCode', 'storeName', 'customers', 'balance (INR)', 'overdue (INR)', 'd0_30 (INR)', 'd31_60 (INR)', 'd61_90 (INR)', 'd90plus (INR)']);
    expect(csv.filter((l) => l[0] === 'KHI-01')[0]?.slice(0, 4)).toEqual(['KHI-01', 'Saddar', '2', '6750.00']);
  });

  it('opens a customer’s statement from the top balances: opening, each bill and payment with the running balance, closing', async () => {
    const d = await t.api.call<CustomerDetail>('GET', `/customers/${t.seed.ravi.id}`);
    await rows(t.page, 'receivables-top').filter({ hasText: 'Ravi Kumar' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Statement of Ravi Kumar, Saddar' });
    await dialog.getByTestId('statement-lines').waitFor();
    expect(t.page.url()).toContain(`customer=${t.seed.ravi.id}`);
    const lines = dialog.getByTestId('statement-lines').locator('tbody tr');
    await expect.poll(() => lines.count()).toBe(d.statement.lines.length + 2);
    expect(await lines.first().innerText()).toContain('Opening balance');
    expect(await lines.last().innerText()).toMatch(new RegExp(`Closing balance.*${formatMoney(d.statement.closingMinor).replace(/[.]/g, '\\.')}`, 's'));
    expect(d.statement.closingMinor).toBe(550_000);
    const all = await dialog.getByTestId('statement-lines').innerText();
    expect(all).toContain(`Credit sale · bill ${t.seed.raviOld.billNumber}`);
    expect(all).toContain(`Credit sale · bill ${t.seed.raviNew.billNumber}`);
    expect(all).toContain('Payment received · JazzCash');
    expect(all).toContain('Payment received · Cash');
    for (const l of d.statement.lines) expect(all).toContain(formatMoney(l.balanceMinor));
    expect(await text(t.page, 'statement-balance')).toContain(formatMoney(d.balanceMinor));
    expect(await dialog.innerText()).not.toContain(t.seed.ravi.id);
    // The reminder to send: balance and latest bills in words, and a WhatsApp link carrying it.
    const reminder = await dialog.getByTestId('statement-reminder').innerText();
    expect(reminder).toContain('Dear Ravi Kumar,');
    expect(reminder).toContain(`your balance at Saddar is ${formatMoney(550_000)}.`);
    expect(reminder).toContain(t.seed.raviNew.billNumber);
    expect(await dialog.getByTestId('statement-whatsapp').getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\d{11,13}\?text=Dear%20Ravi%20Kumar/);
    await t.shot('web-receivables-statement');

    // A period: what came before is the opening balance.
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const part = await t.api.call<CustomerDetail>('GET', `/customers/${t.seed.ravi.id}?from=${from}`);
    await dialog.getByLabel('From').fill(from);
    await expect.poll(() => lines.count()).toBe(part.statement.lines.length + 2);
    expect(await lines.first().innerText()).toContain(formatMoney(part.statement.openingMinor));
    await t.page.keyboard.press('Escape');
    await expect.poll(() => t.page.url()).not.toContain('customer=');
  });

  it('prints the statement (or saves it as PDF): store, customer, period, currency, opening, bills, payments, closing, and nothing of the app', async () => {
    const d = await t.api.call<CustomerDetail>('GET', `/customers/${t.seed.ravi.id}`);
    const page = t.page;
    await openReceivables(page, 'owner');
    await rows(page, 'receivables-top').filter({ hasText: 'Ravi Kumar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Statement of Ravi Kumar, Saddar' });
    await dialog.getByTestId('statement-lines').waitFor();
    const sheet = page.getByTestId('statement-print');
    // On screen the printed sheet is not shown; the button opens the browser's print dialog.
    expect(await sheet.isVisible()).toBe(false);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await dialog.getByTestId('statement-print-button').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    try {
      await sheet.waitFor({ state: 'visible' });
      // Only the sheet: the app and its dialog are gone from the printed page.
      expect(await dialog.isVisible()).toBe(false);
      expect(await page.locator('#root').isVisible()).toBe(false);
      const printed = (await sheet.innerText()).replace(/\s+/g, ' ');
      for (const words of ['Saddar', 'Customer statement', 'Ravi Kumar', 'Opening balance', 'Closing balance', 'Bills on credit', 'Payments', `bill ${t.seed.raviOld.billNumber}`, `bill ${t.seed.raviNew.billNumber}`, 'Payment received'])
        expect(printed).toContain(words);
      // The hub names no currency here: the language's usual one, as every amount on the page is in.
      expect(await page.getByTestId('statement-print-currency').innerText()).toBe(createTranslator({ locale: 'en' }).currency.code);
      expect(await page.getByTestId('statement-print-period').innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} to \d{1,2} [A-Z][a-z]{2} \d{4}$/);
      expect(await page.getByTestId('statement-print-closing').innerText()).toBe(formatMoney(d.statement.closingMinor));
      for (const l of d.statement.lines) expect(printed).toContain(formatMoney(l.balanceMinor));
      expect(await sheet.locator('tbody tr').count()).toBe(d.statement.lines.length + 2);
      await t.shot('web-receivables-statement-print');
      // Chromium's own PDF of the print layout: a real PDF, one A4 page for this short statement.
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const body = pdf.toString('latin1');
      expect(body.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(body);
      expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
      expect(pdf.length).toBeGreaterThan(5_000);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await page.keyboard.press('Escape');
  });

  it('finds a customer by phone and opens the statement', async () => {
    await t.page.getByTestId('customer-search').fill('0333');
    await expect.poll(() => rows(t.page, 'receivables-customers').count()).toBe(1);
    await rows(t.page, 'receivables-customers').first().click();
    const dialog = t.page.getByRole('dialog', { name: 'Statement of Nadia Hussain, Saddar' });
    await expect.poll(async () => (await dialog.innerText()).includes(formatMoney(125_000))).toBe(true);
    await t.page.keyboard.press('Escape');
    // The overdue list: most days late first, Zara (nothing late) left out.
    await t.page.getByTestId('customer-search').fill('');
    await t.page.getByTestId('customer-show').selectOption('overdue');
    const late = await t.api.call<{ items: { customer: { name: string }; daysOverdue: number }[] }>('GET', '/customers?overdue=true');
    expect(late.items.map((i) => [i.customer.name, i.daysOverdue])).toEqual([['Ravi Kumar', 70], ['Nadia Hussain', 10]]);
    await expect.poll(async () => (await rows(t.page, 'receivables-customers').allInnerTexts()).map((r) => r.split(/\s/)[0])).toEqual(['Ravi', 'Nadia']);
    expect(t.page.url()).toContain('show=overdue');
    await t.page.getByTestId('customer-show').selectOption('all');
  });

  it('shows a manager only their store’s receivables', async () => {
    const login = await t.api.call<LoginResult>('POST', '/auth/login', { username: 'imran', password: PASSWORD }, '');
    const mine = await t.api.call<ReceivablesReport>('GET', '/reports/receivables', undefined, login.token);
    expect(mine.stores.map((s) => s.storeName)).toEqual(['Saddar']);
    await openReceivables(t.page, 'imran');
    await expect.poll(() => rows(t.page, 'receivables-stores').count()).toBe(1);
    expect(await text(t.page, 'kpi-receivables-owed')).toContain(formatMoney(mine.total.balanceMinor));
    const body = await t.page.locator('main').innerText();
    expect(body).not.toContain('Clifton');
    expect(body).not.toContain('Zara Khan');
    await expect.poll(() => rows(t.page, 'receivables-top').count()).toBe(2);
  });

  it('Settings: an admin shares customers across the chain and stops again', async () => {
    const section = t.page.getByTestId('credit-sharing-section');
    const box = section.getByRole('checkbox', { name: 'Share customers across the chain' });
    await signInAs(t.page, t.hub.url, 'owner');
    await openTab(t.page, 'Settings');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    expect(await text(t.page, 'credit-sharing-state')).toBe('Not shared: each store sees only its own customers.');
    await box.check();
    // The words follow the click at once; the hub's setting follows its answer.
    await expect.poll(() => text(t.page, 'credit-sharing-state')).toBe('Shared: every store can sell to the chain’s customers on credit.');
    await expect.poll(() => t.api.call<{ shareCustomers: boolean }>('GET', '/credit-settings')).toEqual({ shareCustomers: true });
    await t.shot('receivables-sharing-on');
    await t.page.reload();
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => text(t.page, 'credit-sharing-state')).toBe('Not shared: each store sees only its own customers.');
    await expect.poll(() => t.api.call<{ shareCustomers: boolean }>('GET', '/credit-settings')).toEqual({ shareCustomers: false });
  });

  it('reads in Urdu, right to left, with no text wider than its box', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await t.browser.newContext({ viewport, reducedMotion: 'reduce' });
      await context.addInitScript(() => window.localStorage.setItem('bazaar.web.locale', 'ur'));
      const ur = await context.newPage();
      t.consoleErrors.watch(ur);
      await ur.goto(`${t.hub.url}/sign-in`);
      await ur.locator('input[name="username"]').fill('owner');
      await ur.locator('input[name="password"]').fill(PASSWORD);
      await ur.locator('form button[type="submit"]').click();
      await ur.getByRole('heading', { level: 1, name: 'جائزہ' }).waitFor();
      await ur.goto(`${t.hub.url}/receivables`);
      await ur.getByRole('heading', { level: 1, name: 'وصولیاں' }).waitFor();
      expect(await ur.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expect.poll(() => rows(ur, 'receivables-top').count()).toBe(3);
      await ur.waitForFunction(() => !(document.querySelector('.kpis')?.textContent ?? '').includes('…'));
      expect(await text(ur, 'kpi-receivables-owed')).toContain('3 گاہکوں کا بقایا');
      expect(await textOverflows(ur), `ur ${viewport.width}`).toEqual([]);
      await t.shot(`i18n-ur-receivables-${viewport.width}`, ur);
      await rows(ur, 'receivables-top').first().click();
      await ur.getByRole('dialog', { name: 'Ravi Kumar کا کھاتہ، Saddar' }).getByTestId('statement-reminder').waitFor();
      expect(await textOverflows(ur), `ur ${viewport.width} statement`).toEqual([]);
      await t.shot(`i18n-ur-receivables-statement-${viewport.width}`, ur);
      await context.close();
    }
  });

  it('reads at phone width', async () => {
    const phone = await (await t.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' })).newPage();
    t.consoleErrors.watch(phone);
    await openReceivables(phone, 'owner', { menu: true });
    await expect.poll(() => rows(phone, 'receivables-top').count()).toBe(3);
    // The t.page itself fits the phone: wide tables scroll inside their cards, nothing pushes the content sideways.
    const content = await phone.locator('main').evaluate((m) => ({ scroll: m.scrollWidth, client: m.clientWidth }));
    expect(content.scroll).toBeLessThanOrEqual(content.client);
    await t.shot('web-receivables-phone', phone);
    await rows(phone, 'receivables-top').filter({ hasText: 'Ravi Kumar' }).click();
    const statement = phone.getByRole('dialog', { name: 'Statement of Ravi Kumar, Saddar' }).getByTestId('statement-lines');
    await statement.waitFor();
    // One amount column on a phone: + billed, − paid.
    const lines = await statement.innerText();
    expect(lines).toContain(`+${formatMoney(500_000)}`);
    expect(lines).toContain(`−${formatMoney(50_000)}`);
    await t.shot('web-receivables-statement-phone', phone);
    await phone.context().close();
  });
});
