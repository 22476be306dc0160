import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.types';
import { generateWorld } from '../../src/dev/world/generate';
import { kyselyTarget } from '../../src/dev/world/pg-target';
import { rollupSales } from '../../src/reports/sales-rollup';
import { useBrowserHub } from './browser-hub';
import { browserTestSuite, ConsoleErrors, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

// A 1,000-store chain with a year of comparisons takes longer to set up than the usual allowance.
vi.setConfig({ hookTimeout: 900_000 });

const suite = browserTestSuite('trends and a product across regions on a generated 1,000-store chain');
const PASSWORD = 'trends-password-1';
const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const monthStart = (offset: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
};

/*
 * The checks' own SQL over the raw movement log (not the rollup the hub reads): a line's revenue
 * is its quantity times its price (weighed goods per kg, half-up), on its store's own calendar day.
 */
const LINE = sql.raw(`(((-m.qty) * coalesce(m.unit_price_minor, p.price_minor) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END))`);
const rupees = (minor: number) => `₹${(minor / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe.skipIf(suite.skip || !process.env.TEST_DATABASE_URL)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  let db: Kysely<Database>;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({
    suite,
    consoleErrors,
    prepareDb: async (d) => {
      db = d.db;
      await generateWorld(kyselyTarget(d.db), {
        stores: 1_000,
        products: 6,
        movements: 1_000 * 6 + 60_000,
        days: 30,
        seed: 41,
        admin: { username: 'analyst', password: PASSWORD, name: 'Head Office Analyst' },
        staffPassword: PASSWORD,
      });
      // The generated month again 100 and 364 days earlier (a period before, and last year), as
      // counters that were there then would have pushed it; then the rollup of those days, as the job runs it.
      await sql`
        INSERT INTO movements (store_id, id, device_id, seq, hlc, kind, product_id, qty, unit_price_minor, unit_cost_minor, reason, note, supplier_id, batch_id, user_id, occurred_at, status)
        SELECT m.store_id, gen_random_uuid(), NULL, NULL, m.hlc, m.kind, m.product_id, m.qty, m.unit_price_minor, m.unit_cost_minor, m.reason, m.note, NULL, NULL, NULL,
          m.occurred_at - make_interval(days => back), m.status
        FROM movements m CROSS JOIN (VALUES (100), (364)) AS b(back)
        WHERE m.kind = 'SALE'`.execute(d.db);
      const { rows } = await sql<{ day: string }>`
        SELECT DISTINCT to_char(occurred_at, 'YYYY-MM-DD') AS day FROM movements WHERE device_id IS NULL AND kind = 'SALE' AND occurred_at < now() - interval '60 days'`.execute(d.db);
      const days = new Set(rows.flatMap((r) => [r.day, new Date(Date.parse(`${r.day}T00:00:00Z`) + DAY).toISOString().slice(0, 10), new Date(Date.parse(`${r.day}T00:00:00Z`) - DAY).toISOString().slice(0, 10)]));
      await rollupSales(d.db, [...days]);
    },
    prepare: async () => null,
    ready: (c) => ({ hub, browser } = c),
  });

  const requests: string[] = [];
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v1/')) requests.push(`${r.method()} ${u.pathname}`);
    });
    await page.goto(`${hub.url}/sign-in`);
    await page.getByLabel('Username').fill('analyst');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });
  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** Revenue of the whole chain on its stores' own days from..to (to exclusive), from the raw log. */
  async function chainRevenue(from: string, to: string, region?: string): Promise<number> {
    const { rows } = await sql<{ revenue: string | null }>`
      SELECT sum(${LINE}) AS revenue FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
      WHERE m.kind = 'SALE' AND m.status = 'applied'
        AND (m.occurred_at AT TIME ZONE s.time_zone)::date >= ${from}::date AND (m.occurred_at AT TIME ZONE s.time_zone)::date < ${to}::date
        AND (${region ?? null}::text IS NULL OR s.region = ${region ?? null})`.execute(db);
    return Number(rows[0]?.revenue ?? 0);
  }

  it('shows this period, the one before and last year by month as the movement log says, in a handful of requests', async () => {
    const from = monthStart(-2);
    const url = `/trends?grain=month&from=${from}&to=${today}`;
    await page.goto(`${hub.url}${url}`);
    await page.waitForLoadState('networkidle');
    requests.length = 0;
    await page.reload();
    await page.getByTestId('trend-chart').waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests.length).toBeLessThanOrEqual(6);

    const current = await chainRevenue(from, monthStart(1));
    const previous = await chainRevenue(monthStart(-5), from);
    const lastYear = await chainRevenue(monthStart(-14), monthStart(-11));
    expect(current).toBeGreaterThan(0);
    expect(previous).toBeGreaterThan(0);
    expect(lastYear).toBeGreaterThan(0);
    expect(await text('kpi-trend-sales')).toContain(rupees(current));
    const rows = await page.getByTestId('trend-table').locator('tbody tr').count();
    expect(rows).toBe(3);
    // This period's months as bars (a month without sales draws none), the two comparisons as lines.
    expect(await page.locator('[data-testid=trend-chart] .recharts-line').count()).toBe(2);
    // The hub's answer for the same view, asked with the page's own session.
    const answer = (await page.evaluate(async (u) => {
      const session = JSON.parse(localStorage.getItem('bazaar.session') ?? '{}') as { token?: string };
      return (await fetch(u, { headers: { authorization: `Bearer ${session.token ?? ''}` } })).json();
    }, `/api/v1/reports/trends?grain=month&from=${from}&to=${today}`)) as { totals: Record<'current' | 'previous' | 'lastYear', { revenueMinor: number }> };
    expect([answer.totals.current.revenueMinor, answer.totals.previous.revenueMinor, answer.totals.lastYear.revenueMinor]).toEqual([current, previous, lastYear]);
    await shot('trends-month');
  });

  it('by week for one region, bookmarked in the URL, and at phone width', async () => {
    const { rows } = await sql<{ region: string }>`SELECT region FROM stores WHERE region IS NOT NULL GROUP BY region ORDER BY region LIMIT 1`.execute(db);
    const region = rows[0]!.region;
    const from = new Date(Date.now() - 7 * 8 * DAY).toISOString().slice(0, 10);
    await page.goto(`${hub.url}/trends?grain=week&from=${from}&to=${today}&region=${encodeURIComponent(region)}`);
    await page.getByTestId('trend-chart').waitFor();
    await page.waitForLoadState('networkidle');
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = new Date(Date.parse(`${from}T00:00:00Z`) - weekday * DAY).toISOString().slice(0, 10);
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + (7 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7)) * DAY).toISOString().slice(0, 10);
    expect(await text('kpi-trend-sales')).toContain(rupees(await chainRevenue(monday, end, region)));
    expect(await text('trend-periods')).toMatch(/\d+ stores/);
    await shot('trends-week-region');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await shot('trends-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('splits a product by region with a chart, the total matching SQL', async () => {
    const { rows } = await sql<{ id: string }>`SELECT id FROM products ORDER BY sku LIMIT 1`.execute(db);
    const product = rows[0]!.id;
    const from = new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10);
    await page.goto(`${hub.url}/trends?grain=day&from=${from}&to=${today}&product=${product}`);
    await page.getByTestId('product-total').waitFor();
    const { rows: sum } = await sql<{ revenue: string }>`
      SELECT sum(${LINE}) AS revenue FROM movements m JOIN stores s ON s.id = m.store_id JOIN products p ON p.id = m.product_id
      WHERE m.kind = 'SALE' AND m.status = 'applied' AND m.product_id = ${product}
        AND (m.occurred_at AT TIME ZONE s.time_zone)::date >= ${from}::date AND (m.occurred_at AT TIME ZONE s.time_zone)::date <= ${today}::date`.execute(db);
    expect(await text('product-total')).toContain(rupees(Number(sum[0]!.revenue)));
    expect(await page.getByTestId('product-regions').locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByTestId('product-regions').scrollIntoViewIfNeeded();
    await shot('trends-product-regions');
  });

  it('groups open conflicts by store and kind and resolves the picked groups with one note', async () => {
    const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts WHERE status = 'open'`.execute(db)).rows[0]!.n);
    const before = await count();
    await page.goto(`${hub.url}/conflicts`);
    await page.getByTestId('conflict-groups-count').waitFor();
    expect(await text('conflict-groups-count')).toContain(`${before.toLocaleString('en-IN')} open conflicts`);

    // By size: count variances of at least 25 % of the stock expected, then of at least 2 (pc, or kg for loose goods).
    const bySize = async (where: ReturnType<typeof sql.raw>) =>
      Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts c JOIN products p ON p.id = c.product_id
        WHERE c.status = 'open' AND c.kind = 'COUNT_VARIANCE' AND ${where}`.execute(db)).rows[0]!.n);
    const quarter = await bySize(sql.raw(`(abs((c.details->>'counted')::numeric - (c.details->>'variance')::numeric) = 0 OR abs((c.details->>'variance')::numeric) >= 0.25 * abs((c.details->>'counted')::numeric - (c.details->>'variance')::numeric))`));
    const two = await bySize(sql.raw(`abs((c.details->>'variance')::numeric) >= 2 * (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)`));
    expect(quarter).toBeLessThan(before);
    await page.getByTestId('conflict-size-in').selectOption('percent');
    await page.getByTestId('conflict-min-size').fill('25');
    await page.getByTestId('conflict-groups-count').filter({ hasText: new RegExp(`^${quarter.toLocaleString('en-IN')} open conflicts? in`) }).waitFor();
    await page.getByTestId('conflict-size-in').selectOption('qty');
    await page.getByTestId('conflict-min-size').fill('2');
    await page.getByTestId('conflict-groups-count').filter({ hasText: new RegExp(`^${two.toLocaleString('en-IN')} open conflicts? in`) }).waitFor();
    await page.getByTestId('conflict-min-size').fill('');
    await page.getByTestId('conflict-groups-count').filter({ hasText: new RegExp(`^${before.toLocaleString('en-IN')} open conflicts in`) }).waitFor();
    const groups = page.getByTestId('conflict-groups').locator('tbody tr');
    const first = Number((await groups.nth(0).locator('td').nth(4).textContent())!.replace(/\D/g, ''));
    const second = Number((await groups.nth(1).locator('td').nth(4).textContent())!.replace(/\D/g, ''));
    await groups.nth(0).locator('input[type=checkbox]').check();
    await groups.nth(1).locator('input[type=checkbox]').check();
    await shot('conflicts-groups');
    await page.getByTestId('bulk-resolve').click();
    await page.getByLabel('Resolution note').fill('Recounted on the floor; stock is right');
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-done').waitFor();
    expect(await text('bulk-done')).toContain(`Resolved ${first + second} conflicts`);
    expect(await count()).toBe(before - first - second);
  });
});
