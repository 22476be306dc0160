import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database.types';
import { generateWorld, type WorldSummary } from '../../src/dev/world/generate';
import { kyselyTarget } from '../../src/dev/world/pg-target';
import { useBrowserHub } from './browser-hub';
import { readFileSync } from 'node:fs';
import { browserTestSuite, ConsoleErrors, parseCsv, screenshotDir } from './harness';
import type { RealHub } from './hub-process';

const suite = browserTestSuite('head office on a generated 1,000-store chain');
const PASSWORD = 'chain-password-1';
const STORES = 1_000;
const PRODUCTS = 12;
// The browser runs in UTC, so a day picked on screen is that UTC day: the SQL below uses the same bounds.
const FROM = new Date(Date.now() - 13 * 86_400_000).toISOString().slice(0, 10);
const TO = new Date().toISOString().slice(0, 10);
const from = new Date(`${FROM}T00:00:00.000Z`);
const to = new Date(`${TO}T23:59:59.999Z`);

/*
 * The checks' own SQL, written here from the definitions (a line's revenue is its quantity
 * times its price, weighed goods priced per kg with half-up rounding), not taken from the hub.
 */
const LINE = (of: 'price' | 'cost') =>
  sql.raw(`(((-m.qty) * coalesce(m.unit_${of}_minor, p.${of}_minor) + (CASE WHEN p.unit = 'pc' THEN 0 ELSE 500 END)) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END))`);

describe.skipIf(suite.skip || !process.env.TEST_DATABASE_URL)(suite.title, () => {
  let hub: RealHub;
  let browser: Browser;
  let page: Page;
  let db: Kysely<Database>;
  let world: WorldSummary;
  const consoleErrors = new ConsoleErrors();
  useBrowserHub({
    suite,
    consoleErrors,
    prepareDb: async (d) => {
      db = d.db;
      world = await generateWorld(kyselyTarget(d.db), {
        stores: STORES,
        products: PRODUCTS,
        movements: STORES * PRODUCTS + 60_000,
        days: 14,
        seed: 24,
        admin: { username: 'analyst', password: PASSWORD, name: 'Head Office Analyst' },
        staffPassword: PASSWORD,
      });
    },
    prepare: async () => null,
    ready: (c) => ({ hub, browser } = c),
  });

  const requests: string[] = [];
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', acceptDownloads: true, reducedMotion: 'reduce' });
    page = await context.newPage();
    consoleErrors.watch(page);
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v1/')) requests.push(`${r.method()} ${u.pathname}${u.search}`);
    });
  });

  const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  /** Opens a page afresh and counts the API requests it makes until the network is quiet. */
  async function open(url: string): Promise<string[]> {
    await page.goto(`${hub.url}${url}`);
    await page.waitForLoadState('networkidle');
    requests.length = 0;
    await page.reload();
    await page.waitForLoadState('networkidle');
    return [...requests];
  }
  async function signIn(username: string) {
    await page.goto(`${hub.url}/sign-in`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  }
  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const rankingRows = async () =>
    (await page.getByTestId('rankings-table').locator('tbody tr').all()).length
      ? await page.getByTestId('rankings-table').locator('tbody tr td:nth-child(2)').allTextContents()
      : [];

  async function salesByStore(order: 'ASC' | 'DESC', limit: number, region?: string, offset = 0, city?: string) {
    const { rows } = await sql<{ code: string; name: string; revenue: string }>`
      SELECT s.code, s.name, coalesce(sum(${LINE('price')}) FILTER (WHERE m.id IS NOT NULL), 0) AS revenue
      FROM stores s
      LEFT JOIN movements m ON m.store_id = s.id AND m.kind = 'SALE' AND m.status = 'applied' AND m.occurred_at >= ${from} AND m.occurred_at < ${to}
      LEFT JOIN products p ON p.id = m.product_id
      WHERE NOT s.archived AND (${region ?? null}::text IS NULL OR s.region = ${region ?? null})
        AND (${city ?? null}::text IS NULL OR s.location LIKE ${`%, ${city ?? ''}`})
      GROUP BY s.id, s.code, s.name
      ORDER BY revenue ${sql.raw(order)}, s.code
      LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return rows;
  }

  it('generated the chain', () => {
    expect(world.stores).toBe(STORES);
    expect(world.conflicts).toBeGreaterThan(0);
  });

  it('shows exact Overview counts and the true top products by revenue, in a handful of requests', async () => {
    await signIn('analyst');
    const sent = await open('/overview');
    await page.getByTestId('kpi-stores').filter({ hasText: /\d/ }).waitFor();
    const n = async (q: string) => Number((await sql.raw<{ n: number }>(q).execute(db)).rows[0]!.n);
    expect(await text('kpi-products')).toContain(String(await n('SELECT count(*)::int AS n FROM products WHERE NOT archived')));
    expect(await text('kpi-stores')).toContain('1,000');
    const open_ = await n(`SELECT count(*)::int AS n FROM conflicts WHERE status = 'open'`);
    expect(await text('kpi-conflicts')).toContain(open_.toLocaleString('en-IN'));
    expect(await text('kpi-conflicts')).not.toContain('+');
    expect(await text('kpi-offline')).not.toContain('+');

    // The chart's products, in its order, against a revenue ranking over the same days.
    const rangeFrom = new Date(`${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`);
    const { rows: best } = await sql<{ name: string }>`
      SELECT p.name FROM movements m JOIN products p ON p.id = m.product_id
      WHERE m.kind = 'SALE' AND m.status = 'applied' AND m.occurred_at >= ${rangeFrom} AND m.occurred_at < ${to}
      GROUP BY p.id, p.name, p.sku ORDER BY sum(${LINE('price')}) DESC, p.sku LIMIT 8`.execute(db);
    const chart = page.locator('.chart-card', { hasText: 'Top products' });
    // The names axis draws each name with its own tick (text.name-tick), wrapped onto lines (tspans): read them back as one.
    const ticks = chart.locator('text.name-tick');
    await ticks.first().waitFor({ timeout: 10_000 });
    const names = await ticks.evaluateAll((els) => els.map((e) => [...e.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || (e.textContent ?? '')));
    expect(names.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(best.map((r) => r.name));
    // The card holds its figure: the value's box does not spill out of the card.
    const card = await page.getByTestId('kpi-sales-today').boundingBox();
    const value = await page.getByTestId('kpi-sales-today').locator('.kpi-value').boundingBox();
    expect(value!.x + value!.width).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
    console.info(`overview: ${sent.length} API requests`, sent);
    expect(sent.length).toBeLessThanOrEqual(10);

    // Stock value at 1,000 stores: a distribution and the five highest and lowest, not 12 look-alike bars.
    const dist = page.getByTestId('stock-value-distribution');
    await dist.waitFor();
    expect(await dist.innerText()).toContain('How many of the 1,000 stores hold how much stock');
    const byValue = (await sql<{ name: string }>`
      SELECT s.name FROM stock k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = k.store_id
      GROUP BY s.id, s.name, s.code
      ORDER BY coalesce(sum((k.qty * p.cost_minor) / (CASE WHEN p.unit = 'pc' THEN 1 ELSE 1000 END)) FILTER (WHERE k.qty > 0), 0) DESC, s.code`.execute(db)).rows.map((r) => r.name);
    const edgeNames = async (testId: string) => (await page.getByTestId(testId).locator('tbody tr td:first-child').allInnerTexts()).map((x) => x.replace(/\s+\S+$/, ''));
    expect(await edgeNames('stock-value-highest')).toEqual(byValue.slice(0, 5));
    expect(await edgeNames('stock-value-lowest')).toEqual(byValue.slice(-5).reverse());
    expect(await dist.locator('.recharts-bar-rectangle').count()).toBeLessThanOrEqual(10);
    await shot('24-overview-chain');
    await page.getByTestId('stock-value-all').click();
    await expect.poll(() => page.url()).toContain('/rankings?sort=stockValue&dir=desc');
  });

  it('ranks the 20 weakest stores by sales on the hub, matching SQL', async () => {
    const sent = await open(`/rankings?from=${FROM}&to=${TO}&sort=sales&dir=asc&limit=20`);
    await page.getByTestId('rank-count').filter({ hasText: 'of 1,000 stores' }).waitFor();
    expect(await text('rank-count')).toBe('1–20 of 1,000 stores');
    const weakest = await salesByStore('ASC', 20);
    expect((await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(weakest.map((r) => `${r.name} ${r.code}`));
    console.info(`rankings: ${sent.length} API requests`, sent);
    // One request a section (the ranking, the region roll-ups of sales, stock value and alerts, the
    // region and city pickers, the hub's settings, who I am): never one a store of the 1,000.
    expect(sent.length).toBeLessThanOrEqual(10);
    expect(sent.filter((r) => /\/stores\/[0-9a-f-]{36}/.test(r))).toEqual([]);
    await shot('24-rankings-weakest');

    // The next 20 are the hub's next page of the same order, not a re-sort of what is on screen.
    await page.getByTestId('rank-next').click();
    await page.getByTestId('rank-count').filter({ hasText: '21–40 of 1,000 stores' }).waitFor();
    const next = await salesByStore('ASC', 20, undefined, 20);
    await expect.poll(async () => (await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim()), { timeout: 15_000 }).toEqual(next.map((r) => `${r.name} ${r.code}`));
    expect(new URL(page.url()).searchParams.get('offset')).toBe('20');
    await page.getByTestId('rank-prev').click();
    await page.getByTestId('rank-count').filter({ hasText: '1–20 of 1,000 stores' }).waitFor();

    // One click from anywhere: open the strongest, then the quick view of the weakest 20.
    await open(`/rankings?from=${FROM}&to=${TO}&sort=code&dir=desc&limit=100&offset=300`);
    await page.getByTestId('rank-count').filter({ hasText: '301–400 of 1,000 stores' }).waitFor();
    await page.getByTestId('rank-quick-weakestSales').click();
    await page.getByTestId('rank-count').filter({ hasText: '1–20 of 1,000 stores' }).waitFor();
    await expect.poll(async () => (await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim()), { timeout: 15_000 }).toEqual(weakest.map((r) => `${r.name} ${r.code}`));

    // A city beside the region: the weakest stores of one town.
    const { rows: towns } = await sql<{ city: string; n: number }>`
      SELECT split_part(location, ', ', 2) AS city, count(*)::int AS n FROM stores WHERE NOT archived GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`.execute(db);
    const town = towns[0]!;
    await page.getByTestId('suggest-city-').fill(town.city);
    await page.getByTestId('rank-count').filter({ hasText: `of ${town.n.toLocaleString('en-IN')} stores` }).waitFor();
    const inTown = await salesByStore('ASC', 20, undefined, 0, town.city);
    await expect.poll(async () => (await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim()), { timeout: 15_000 }).toEqual(inTown.map((r) => `${r.name} ${r.code}`));
    expect(new URL(page.url()).searchParams.get('city')).toBe(town.city);
    await page.getByTestId('suggest-city-').fill('');

    // The most shrinkage, one click: stock lost at cost (removals, downward adjustments).
    await page.getByTestId('rank-quick-worstShrinkage').click();
    const { rows: lost } = await sql<{ code: string; name: string }>`
      SELECT s.code, s.name FROM stores s
      LEFT JOIN movements m ON m.store_id = s.id AND (m.kind = 'REMOVE' OR (m.kind = 'ADJUST' AND m.qty < 0)) AND m.status = 'applied'
        AND m.occurred_at >= ${from} AND m.occurred_at < ${to}
      LEFT JOIN products p ON p.id = m.product_id
      GROUP BY s.id ORDER BY coalesce(sum(${LINE('cost')}) FILTER (WHERE m.id IS NOT NULL), 0) DESC, s.code LIMIT 20`.execute(db);
    await expect.poll(async () => (await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim()), { timeout: 15_000 }).toEqual(lost.map((r) => `${r.name} ${r.code}`));
  });

  it('rolls sales up by region as SQL does, and drills region → store → product', async () => {
    await open(`/rankings?from=${FROM}&to=${TO}&sort=sales&dir=desc&limit=20`);
    const { rows: regions } = await sql<{ region: string; stores: number; revenue: string }>`
      SELECT s.region, count(DISTINCT s.id)::int AS stores, sum(${LINE('price')}) AS revenue
      FROM movements m JOIN products p ON p.id = m.product_id JOIN stores s ON s.id = m.store_id
      WHERE m.kind = 'SALE' AND m.status = 'applied' AND m.occurred_at >= ${from} AND m.occurred_at < ${to}
      GROUP BY s.region ORDER BY sum(${LINE('price')}) DESC, s.region`.execute(db);
    const rollup = page.getByTestId('region-rollup');
    await rollup.locator('tbody tr').first().waitFor();
    const rows = await rollup.locator('tbody tr').all();
    const seen = await Promise.all(rows.map(async (r) => (await r.locator('td').allTextContents()).slice(0, 3).map((s) => s.trim())));
    expect(seen).toEqual(regions.map((r) => [r.region, String(r.stores), `₹${(Number(r.revenue) / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`]));

    // Region → its stores' ranking.
    const region = regions[1]!.region;
    await page.getByTestId(`region-${region}`).click();
    const inRegion = await salesByStore('DESC', 20, region);
    await page.getByTestId('rank-count').filter({ hasText: `of ${regions[1]!.stores} stores` }).waitFor();
    expect((await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(inRegion.map((r) => `${r.name} ${r.code}`));
    expect(new URL(page.url()).searchParams.get('region')).toBe(region);

    // Store → its best sellers.
    await page.getByTestId('rankings-table').locator('tbody tr').first().click();
    const { rows: products } = await sql<{ name: string }>`
      SELECT p.name FROM movements m JOIN products p ON p.id = m.product_id JOIN stores s ON s.id = m.store_id
      WHERE s.code = ${inRegion[0]!.code} AND m.kind = 'SALE' AND m.status = 'applied' AND m.occurred_at >= ${from} AND m.occurred_at < ${to}
      GROUP BY p.id, p.name, p.sku ORDER BY sum(${LINE('price')}) DESC, p.sku LIMIT 20`.execute(db);
    const drill = page.getByTestId('store-drill');
    await drill.locator('tbody tr').first().waitFor();
    const names = (await drill.locator('tbody tr td:first-child').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(names.map((n) => n.slice(0, products[0]!.name.length))[0]).toBe(products[0]!.name);
    expect(names.length).toBe(products.length);
    await shot('24-region-store-drill');
    await page.keyboard.press('Escape');
  });

  it('rolls stock value and live alerts up by region as SQL does, and drills region → store → product', async () => {
    await open(`/rankings?from=${FROM}&to=${TO}&sort=sales&dir=desc&limit=20`);
    const money = (minor: number | string) => `₹${(Number(minor) / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const VALUE = sql.raw(`round(k.qty * coalesce(c.cost_minor, p.cost_minor) / (CASE p.unit WHEN 'pc' THEN 1.0 ELSE 1000.0 END))`);
    const { rows: regions } = await sql<{ region: string; stores: number; value: string; low: number; out: number }>`
      SELECT s.region, count(DISTINCT s.id)::int AS stores, sum(${VALUE}) AS value,
        (SELECT count(*)::int FROM alerts a JOIN stores x ON x.id = a.store_id WHERE x.region = s.region AND a.kind = 'low' AND a.state IN ('open', 'acknowledged')) AS low,
        (SELECT count(*)::int FROM alerts a JOIN stores x ON x.id = a.store_id WHERE x.region = s.region AND a.kind = 'out' AND a.state IN ('open', 'acknowledged')) AS out
      FROM stock k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = k.store_id
      LEFT JOIN product_costs c ON c.store_id = k.store_id AND c.product_id = k.product_id
      WHERE k.qty > 0 GROUP BY s.region ORDER BY s.region`.execute(db);
    const drill = page.getByTestId('stock-drill-table');
    const cells = async () => Promise.all((await drill.locator('tbody tr').all()).map(async (r) => (await r.locator('td').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())));
    await expect.poll(cells, { timeout: 15_000 }).toEqual(regions.map((r) => [r.region, r.stores.toLocaleString('en-IN'), money(r.value), String(r.low), String(r.out)]));

    // Region → its stores, each with its value and live alerts.
    const region = regions[0]!.region;
    await page.getByTestId(`drill-region-${region}`).click();
    const { rows: stores } = await sql<{ code: string; name: string; products: number; value: string; low: number; out: number }>`
      SELECT s.code, s.name, count(*)::int AS products, sum(${VALUE}) AS value,
        (SELECT count(*)::int FROM alerts a WHERE a.store_id = s.id AND a.kind = 'low' AND a.state <> 'closed') AS low,
        (SELECT count(*)::int FROM alerts a WHERE a.store_id = s.id AND a.kind = 'out' AND a.state <> 'closed') AS out
      FROM stock k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = k.store_id
      LEFT JOIN product_costs c ON c.store_id = k.store_id AND c.product_id = k.product_id
      WHERE k.qty > 0 AND s.region = ${region} GROUP BY s.id, s.code, s.name ORDER BY s.code`.execute(db);
    await expect.poll(cells, { timeout: 15_000 }).toEqual(stores.map((r) => [`${r.name} ${r.code}`, String(r.products), money(r.value), String(r.low), String(r.out)]));

    // Store → its products, most valuable first.
    const store = stores[0]!;
    await page.getByTestId(`drill-store-${store.code}`).click();
    const { rows: products } = await sql<{ name: string; sku: string; value: string }>`
      SELECT p.name, p.sku, ${VALUE} AS value FROM stock k JOIN products p ON p.id = k.product_id JOIN stores s ON s.id = k.store_id
      LEFT JOIN product_costs c ON c.store_id = k.store_id AND c.product_id = k.product_id
      WHERE k.qty > 0 AND s.code = ${store.code} ORDER BY ${VALUE} DESC, p.sku`.execute(db);
    await expect.poll(async () => (await cells()).map((r) => [r[0], r[2]]), { timeout: 15_000 }).toEqual(products.map((r) => [`${r.name} ${r.sku}`, money(r.value)]));
    await page.getByTestId('stock-region-drill').scrollIntoViewIfNeeded();
    await shot('24-stock-region-drill');
  });

  it('shows a regional manager only their region, with no verification error', async () => {
    const { rows } = await sql<{ region: string; n: number }>`SELECT region, count(*)::int AS n FROM stores GROUP BY region ORDER BY region LIMIT 1`.execute(db);
    const { region, n } = rows[0]!;
    await page.context().clearCookies();
    await page.evaluate(() => window.localStorage.clear());
    await signIn(`manager.${region.toLowerCase()}`);
    await open(`/rankings?from=${FROM}&to=${TO}&sort=sales&dir=asc&limit=20`);
    await page.getByTestId('rank-count').filter({ hasText: `of ${n} stores` }).waitFor();
    const mine = await salesByStore('ASC', 20, region);
    expect((await rankingRows()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(mine.map((r) => `${r.name} ${r.code}`));
    const sent = await open('/logs');
    await page.getByTestId('audit-table').or(page.locator('table')).first().waitFor();
    expect(await page.getByText('Could not verify the chain').count()).toBe(0);
    expect(sent.some((r) => r.includes('/logs/verify'))).toBe(false);

    // Their search for "RICE" finds entries, and only the catalog's or their own stores'.
    const { rows: theirs } = await sql<{ name: string }>`SELECT name FROM stores WHERE region = ${region}`.execute(db);
    const { rows: hits } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log a
      WHERE (a.store_id IS NULL OR a.store_id IN (SELECT id FROM stores WHERE region = ${region}))
        AND (a.after::text ILIKE '%rice%' OR a.before::text ILIKE '%rice%')`.execute(db);
    expect(hits[0]!.n).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('RICE');
    await page.getByTestId('row-count').filter({ hasText: /\d/ }).first().waitFor();
    await expect.poll(() => requests.some((r) => r.startsWith('GET /api/v1/logs?') && r.includes('q=RICE')), { timeout: 10_000 }).toBe(true);
    const table = page.locator('table').first();
    await table.locator('tbody tr').first().waitFor();
    const shownStores = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(shownStores.length).toBeGreaterThan(0);
    // Every row that names a store names one of theirs (the store column is the table's 6th).
    const names = new Set(theirs.map((r) => r.name));
    const storeCells = async () => (await table.locator('tbody tr td:nth-child(6)').allTextContents()).map((s) => s.trim()).filter((s) => s && s !== '—');
    await expect.poll(async () => (await storeCells()).filter((name) => !names.has(name)), { timeout: 10_000 }).toEqual([]);
    expect(await page.getByText('Could not verify the chain').count()).toBe(0);
    await shot('24-manager-activity');
  });

  it('names every row of a list in one lookup, not one request per row', async () => {
    // Signed in as the manager before: sign out (cookies and the stored session) to sign in as the analyst.
    await page.context().clearCookies();
    await page.evaluate(() => window.localStorage.clear());
    await signIn('analyst');
    const sent = await open('/movements');
    await page.locator('table tbody tr').first().waitFor();
    const lookups = sent.filter((r) => /\/(stores|products|users|suppliers|devices)\/[0-9a-f-]{36}/.test(r));
    console.info(`movements: ${sent.length} API requests`, sent);
    expect(lookups).toEqual([]);
    expect(sent.length).toBeLessThanOrEqual(6);

    // Lists say how many rows match, not only how many are loaded.
    const stores = await open('/stores');
    await page.getByTestId('row-count').filter({ hasText: 'of 1,000' }).first().waitFor();
    console.info(`stores: ${stores.length} API requests`, stores);
    expect(stores.length).toBeLessThanOrEqual(6);
  });

  it('exports the whole chain’s stock as a job with progress: exactly as many rows as the stock table holds', async () => {
    await open('/stock');
    await page.getByRole('button', { name: 'Export every row (CSV)' }).click();
    const download = page.getByTestId('export-job').getByRole('button', { name: 'Download' });
    await download.waitFor({ timeout: 60_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const rows = parseCsv(readFileSync((await file.path())!, 'utf8'));
    const { rows: counted } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stock`.execute(db);
    expect(rows.length - 1).toBe(counted[0]!.n);
    expect(rows[0]!.slice(0, 3)).toEqual(['store_code', 'store_name', 'region']);
    expect(await text('export-job')).toContain(`${counted[0]!.n.toLocaleString('en-IN')} rows, every matching row`);
    await shot('24-stock-export-job');
  });
});
