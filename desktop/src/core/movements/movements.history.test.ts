import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyInput } from '../core.api';
import { openStoreDb } from '../db/open-db';
import type { StoreDb } from '../db/db.types';
import type Database from 'better-sqlite3';
import { historyQuery } from './movements.history';

/**
 * A year of trading makes any filter that sorts its matches slow (a bestseller's history, a
 * 30-day range): each filter's page must come from an index read in the page's order, which
 * SQLite's plan shows as the absence of a temporary b-tree for the ORDER BY.
 */
describe('history reads an index in its own order for every filter', () => {
  let dir: string;
  let db: StoreDb;
  let raw: Database.Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bazaar-history-'));
    ({ db, raw } = await openStoreDb(join(dir, 'store.db')));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const product = '01900000-0000-7000-8000-000000000001';
  const shapes: [string, Record<string, unknown>, string | null][] = [
    ['no filter', {}, null],
    ['a product', {}, product],
    ['a product and a month', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, product],
    ['a month', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }],
    ['only a "to" date', { to: '2026-06-01T00:00:00Z' }],
    ['only a "from" date, next page', { from: '2026-11-01T00:00:00Z', cursor: '2026-11-20T10:00:00.000Z~1200' }],
    ['a kind other than sale', { kind: 'COUNT' }],
    ['sales', { kind: 'SALE' }],
    ['a product, next page', { cursor: '5000' }, product],
  ].map(([name, q, p]) => [name as string, q as Record<string, unknown>, (p as string | undefined) ?? null]);

  for (const [name, input, productId] of shapes) {
    it(name, () => {
      const q = historyInput.parse(input);
      const { sql, parameters } = historyQuery(db, q, productId).compile();
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
      const text = plan.map((r) => r.detail).join('\n');
      expect(text).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    });
  }
});

describe('paging history by date', () => {
  it('walks every movement of a range once, newest first, and refuses a cursor of another list', async () => {
    const { tempStore } = await import('../testing/temp-store');
    const { core, cleanup } = await tempStore();
    try {
      await core.addProduct({ sku: 'SOAP', name: 'Lux Soap', unit: 'pc', priceMinor: 3850 });
      await core.stockIn({ product: 'SOAP', qty: 100 });
      for (let i = 0; i < 7; i++) await core.sell({ lines: [{ product: 'SOAP', qty: 1 }] });
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await core.history({ from, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((m) => m.seq));
        cursor = page.nextCursor ?? undefined;
        if (cursor) expect(cursor).toMatch(/~\d+$/);
      } while (cursor);
      expect(seen).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      await expect(core.history({ cursor: '2026-11-20T10:00:00.000Z~3' })).rejects.toThrow(/other filters/);
    } finally {
      await cleanup();
    }
  });
});
