import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'kysely';
import { rollupCosts } from '../../src/costs/costs.rollup';
import { generateWorld } from '../../src/dev/world/generate';
import { kyselyTarget } from '../../src/dev/world/pg-target';
import { rollupSales } from '../../src/reports/sales-rollup';
import { rollupShrinkage } from '../../src/reports/shrinkage-rollup';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

vi.setConfig({ hookTimeout: 600_000 });

const suite = browserTestSuite('margins and valuation on a generated chain');
const PASSWORD = 'margins-password-1';
/** This helper's fixed port (the session gives each its own range). */
const PORT = 8934;
const rupees = (minor: number) => `₹${(minor / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe.skipIf(suite.skip || !process.env.TEST_DATABASE_URL)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({
    suite,
    consoleErrors,
    port: PORT,
    prepareDb: async (d) => {
      await generateWorld(kyselyTarget(d.db), { stores: 4, products: 30, movements: 4 * 30 + 3_000, days: 20, seed: 23, admin: { username: 'controller', password: PASSWORD, name: 'Finance Controller' }, staffPassword: PASSWORD });
      // Receipts at varying cost, so the moving average moves; then the rollups as the jobs build them.
      await sql`UPDATE movements SET unit_cost_minor = unit_cost_minor * (90 + abs(hashtext(id::text)) % 21) / 100 WHERE kind = 'IN'`.execute(d.db);
      const { rows } = await sql<{ day: string }>`SELECT DISTINCT to_char(occurred_at, 'YYYY-MM-DD') AS day FROM movements`.execute(d.db);
      const days = [...new Set(rows.flatMap((r) => [r.day, new Date(Date.parse(`${r.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)]))];
      for (const s of await d.db.selectFrom('stores').select('id').execute()) await rollupCosts(d.db, s.id);
      await rollupSales(d.db, days);
      await rollupShrinkage(d.db, days);
    },
    prepare: async () => null,
    ready: (c) => ({ hub, browser } = c),
  });

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
    await page.goto(`${hub.url}/sign-in`);
    await page.getByLabel('Username').fill('controller');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const ask = async <T,>(u: string): Promise<T> =>
    (await page.evaluate(async (url) => {
      const session = JSON.parse(localStorage.getItem('bazaar.session') ?? '{}') as { token?: string };
      return (await fetch(url, { headers: { authorization: `Bearer ${session.token ?? ''}` } })).json();
    }, u)) as T;

  it('shows sales, cost, margin and stock value as the hub reports them, by product and by store, with dead stock and shrinkage', async () => {
    await page.getByRole('link', { name: 'Margins' }).click();
    await page.getByTestId('margins-table').locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const margins = await ask<{ totals: { revenueMinor: number; marginMinor: number }; items: unknown[] }>(`/api/v1/reports/margins?groupBy=product&from=${from}&to=${to}&limit=500`);
    const value = await ask<{ totals: { costMinor: number; retailMinor: number } }>('/api/v1/reports/stock-value');
    expect(margins.totals.revenueMinor).toBeGreaterThan(0);
    expect(await text('kpi-margins-sales')).toContain(rupees(margins.totals.revenueMinor));
    expect(await text('kpi-margins-margin')).toContain(rupees(margins.totals.marginMinor));
    expect(await text('kpi-margins-stock')).toContain(rupees(value.totals.costMinor));
    expect(await page.getByTestId('margins-table').locator('tbody tr').count()).toBe(margins.items.length);
    const shrink = await ask<{ totalCostMinor: number }>(`/api/v1/reports/shrinkage?from=${from}&to=${to}`);
    expect(await text('shrinkage-total')).toContain(rupees(shrink.totalCostMinor));
    await page.getByTestId('dead-days').fill('3');
    await page.getByTestId('dead-total').waitFor();
    const dead = await ask<{ totalCostMinor: number }>('/api/v1/reports/dead-stock?days=3&limit=200');
    // The figure follows the typed number once its request answers: wait for it rather than for an idle network.
    await expect.poll(() => text('dead-total')).toContain(rupees(dead.totalCostMinor));
    await shot('web-margins');

    await page.getByTestId('margins-by').selectOption('store');
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByTestId('margins-table').locator('tbody tr').count()).toBe(4);
    expect(page.url()).toContain('by=store');
    await shot('web-margins-by-store');
  });
});
