import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.log';
import { history } from '../movements/movements.history';
import { StoreCore } from '../store-core';
import { syncStatus } from '../sync/sync.status';
import { openStoreDb, type OpenedDb } from './open-db';

/**
 * Migrations 0002/0003 keep sales out of the kind, action and sync-status indexes. The
 * queries that need them must still find them: these tests read the planner's choice.
 */
let dir: string;
let opened: OpenedDb;
const queries: [string, readonly unknown[]][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bazaar-idx-'));
  const core = await StoreCore.open(join(dir, 'store.db'));
  await core.initStore({ code: 'S1', name: 'Sharma Kirana' });
  await core.addProduct({ sku: 'ATTA-5', name: 'Atta 5kg', unit: 'pc', priceMinor: 26500 });
  for (let i = 0; i < 200; i++) await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
  await core.stockIn({ product: 'ATTA-5', qty: 50 });
  await core.close();
  opened = await openStoreDb(join(dir, 'store.db'), { onQuery: (sql, params) => queries.push([sql, params]) });
});
afterAll(async () => {
  await opened.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** The plan of the last query `run` sent that reads `table`. */
async function planOf<T>(table: string, run: () => Promise<T>): Promise<{ result: T; plan: string }> {
  queries.length = 0;
  const result = await run();
  const found = queries.filter(([sql]) => sql.startsWith('select') && sql.includes(`from "${table}"`)).at(-1);
  if (!found) throw new Error(`no query on ${table}`);
  const rows = opened.raw.prepare(`EXPLAIN QUERY PLAN ${found[0]}`).all(...found[1]) as { detail: string }[];
  return { result, plan: rows.map((r) => r.detail).join(' | ') };
}

describe('indexes a sale does not write', () => {
  it('history by a kind other than SALE uses the kind index; SALE walks the log from the newest', async () => {
    const ins = await planOf('movements', () => history(opened.db, { kind: 'IN', limit: 5 }));
    expect(ins.result.items.map((m) => m.kind)).toEqual(['IN']);
    expect(ins.plan).toMatch(/USING INDEX movements_kind \(kind=\?\)/);
    const sales = await planOf('movements', () => history(opened.db, { kind: 'SALE', limit: 5 }));
    expect(sales.result.items).toHaveLength(5);
    expect(sales.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the audit by an action other than sale.create uses the action index', async () => {
    const r = await planOf('audit', () => listAudit(opened.db, { action: 'stock.in', limit: 5 }));
    expect(r.result.items.map((e) => e.action)).toEqual(['stock.in']);
    expect(r.plan).toMatch(/USING INDEX audit_action \(action=\?\)/);
    const sales = await planOf('audit', () => listAudit(opened.db, { action: 'sale.create', limit: 5 }));
    expect(sales.result.items).toHaveLength(5);
    expect(sales.plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the rejected count reads the partial index', async () => {
    const r = await planOf('movements', () => syncStatus(opened.db, undefined));
    expect(r.result.rejectedMovements).toBe(0);
    expect(r.plan).toMatch(/movements_rejected/);
  });
});
