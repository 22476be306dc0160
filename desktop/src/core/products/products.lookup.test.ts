import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@bazaar/shared';
import { openStoreDb, type OpenedDb } from '../db/open-db';
import { listStock } from '../stock/stock.view';
import { productByCode, searchProducts } from './products.repository';

const N = 50_000;
let dir: string;
let opened: OpenedDb;
const queries: { sql: string; params: readonly unknown[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-lookup-'));
  opened = await openStoreDb(join(dir, 'store.db'), { onQuery: (sql, params) => queries.push({ sql, params }) });
  const insert = opened.raw.prepare(
    `insert into products (id, sku, barcode, name, name_key, unit, category, supplier_id, price_minor, cost_minor, reorder_level, archived, origin, push_state, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'pc', ?, null, 1000, 800, 5, 0, 'hub', 'none', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const words = ['Atta', 'Basmati', 'Chana', 'Dal', 'Elaichi', 'Fortune', 'Ghee', 'Haldi', 'Jeera', 'Kaju'];
  opened.raw.transaction(() => {
    for (let i = 0; i < N; i++) {
      const name = `${words[i % words.length]} ${i}`;
      insert.run(uuidv7(), `SKU-${i}`, `89${String(i).padStart(11, '0')}`, name, name.toLowerCase(), `Cat ${i % 40}`);
    }
  })();
});
afterAll(async () => {
  await opened.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** SQLite's plan for the last query issued: every lookup must be an index search, never a table scan. */
function planOfLast(): string {
  const q = queries.at(-1);
  if (!q) throw new Error('no query captured');
  const rows = opened.raw.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe(`product lookup on ${N.toLocaleString('en-IN')} products`, () => {
  it('finds by barcode and SKU through their unique indexes', async () => {
    const byBarcode = await productByCode(opened.db, '8900000049999');
    expect(planOfLast()).toMatch(/SEARCH products USING INDEX products_barcode/);
    expect(byBarcode?.sku).toBe('SKU-49999');
    queries.length = 0;
    expect((await productByCode(opened.db, 'SKU-123'))?.barcode).toBe('8900000000123');
    expect(queries.map((q) => q.sql).join('\n')).toMatch(/"sku" = \?/);
    expect(planOfLast()).toMatch(/SEARCH products USING INDEX products_sku/);
  });

  it('searches by name prefix with an index range, not a scan', async () => {
    queries.length = 0;
    const hits = await searchProducts(opened.db, 'kaju 4999', 20, false);
    expect(hits.map((h) => h.name)).toContain('Kaju 4999');
    expect(hits.every((h) => h.name.toLowerCase().startsWith('kaju 4999'))).toBe(true);
    const nameQuery = queries.find((q) => q.sql.includes('"name_key" >='));
    expect(nameQuery).toBeDefined();
    const plan = (opened.raw.prepare(`explain query plan ${nameQuery!.sql}`).all(...(nameQuery!.params as unknown[])) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH products USING INDEX products_name_key \(name_key>\? AND name_key<\?\)/);
  });

  it('lists one category through its index', async () => {
    queries.length = 0;
    const r = await listStock(opened.db, { category: 'Cat 7', limit: 10, offset: 0 });
    expect(r.total).toBe(N / 40);
    expect(planOfLast()).toMatch(/USING INDEX products_category/);
  });
});
