import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeStock } from '@bazaar/shared';
import type { StoreCore } from './store-core';
import { expectError } from './testing/expect-error';
import { tempStore } from './testing/temp-store';

let core: StoreCore;
let cleanup: () => Promise<void>;
let path: string;

beforeEach(async () => {
  ({ core, cleanup, path } = await tempStore());
  await core.addProduct({ sku: 'ATTA-5', barcode: '8901234567890', name: 'Aashirvaad Atta 5kg', unit: 'pc', priceMinor: 26500, costMinor: 24000, reorderLevel: 5, category: 'Staples' });
  await core.addProduct({ sku: 'RICE-LOOSE', name: 'Sona Masoori Rice', unit: 'g', priceMinor: 6000, costMinor: 5200, reorderLevel: 5000, category: 'Staples' });
  await core.addProduct({ sku: 'OIL-1L', name: 'Fortune Sunflower Oil 1L', unit: 'ml', priceMinor: 15500, reorderLevel: 2000, category: 'Oil' });
});
afterEach(async () => cleanup());

async function movementCount(): Promise<number> {
  return (await core.history({ limit: 1000 })).items.length;
}

describe('store setup', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a 0600 file', async () => {
    expect(core.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.connection.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.connection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a second init and operations on an uninitialised file', async () => {
    await expectError(core.initStore({ code: 'S2', name: 'Other' }), 'CONFLICT');
    const fresh = await tempStore({ init: false });
    try {
      await expectError(fresh.core.sell({ lines: [{ product: 'X', qty: 1 }] }), 'BAD_REQUEST', /bazaar-store init/);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('products', () => {
  it('looks up by barcode, SKU, id and name prefix', async () => {
    const atta = await core.findProduct({ code: '8901234567890' });
    expect(atta.sku).toBe('ATTA-5');
    expect((await core.findProduct({ code: 'RICE-LOOSE' })).name).toBe('Sona Masoori Rice');
    expect((await core.findProduct({ code: atta.id })).sku).toBe('ATTA-5');
    const found = await core.searchProducts({ query: 'sona' });
    expect(found.map((p) => p.sku)).toEqual(['RICE-LOOSE']);
    expect((await core.searchProducts({ query: 'OIL' })).map((p) => p.sku)).toEqual(['OIL-1L']);
  });

  it('rejects duplicate SKU and barcode, unknown lookups and bad input with field names', async () => {
    await expectError(core.addProduct({ sku: 'ATTA-5', name: 'x', unit: 'pc', priceMinor: 1 }), 'DUPLICATE_SKU');
    await expectError(core.addProduct({ sku: 'NEW', barcode: '8901234567890', name: 'x', unit: 'pc', priceMinor: 1 }), 'DUPLICATE_BARCODE');
    await expectError(core.findProduct({ code: '0000000000' }), 'NOT_FOUND');
    await expectError(core.addProduct({ sku: 'BAD SKU', name: '', unit: 'kg' as 'g', priceMinor: -1 }), 'VALIDATION_FAILED', /sku: .*name: .*unit/s);
  });

  it('updates and archives with audit rows', async () => {
    const p = await core.updateProduct({ product: 'OIL-1L', patch: { priceMinor: 16000 } });
    expect(p.priceMinor).toBe(16000);
    const a = await core.archiveProduct({ product: 'OIL-1L' });
    expect(a.archived).toBe(true);
    expect((await core.searchProducts({ query: 'fortune' })).length).toBe(0);
    const log = await core.auditLog({ limit: 10 });
    expect(log.items.map((e) => e.action).slice(0, 2)).toEqual(['product.archive', 'product.update']);
  });
});

describe('movements', () => {
  it('sells a cart in one transaction with totals, seqs and stock', async () => {
    await core.stockIn({ product: 'ATTA-5', qty: 20, unitCostMinor: 23900 });
    await core.stockIn({ product: 'RICE-LOOSE', qty: 25_000 });
    const sale = await core.sell({ lines: [{ product: '8901234567890', qty: 2 }, { product: 'RICE-LOOSE', qty: 1250 }] });
    expect(sale.totalMinor).toBe(2 * 26500 + 7500);
    expect(sale.lines.map((l) => l.seq)).toEqual([3, 4]);
    expect(sale.lines.map((l) => l.stockAfter)).toEqual([18, 23_750]);
    const stock = await core.listStock({ search: 'ATTA-5' });
    expect(stock.items[0]).toMatchObject({ qty: 18, status: 'ok' });
  });

  it('a cart with one bad line writes nothing: unknown barcode, archived product, bad quantity', async () => {
    await core.stockIn({ product: 'ATTA-5', qty: 10 });
    await core.archiveProduct({ product: 'OIL-1L' });
    const before = await movementCount();
    const auditBefore = (await core.verifyAudit()).checked;
    await expectError(core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }, { product: '9999999999', qty: 1 }] }), 'NOT_FOUND', /line 2/);
    await expectError(core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }, { product: 'OIL-1L', qty: 500 }] }), 'UNPROCESSABLE', /archived/);
    await expectError(core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }, { product: 'RICE-LOOSE', qty: -5 }] }), 'VALIDATION_FAILED', /line 2 qty/);
    await expectError(core.sell({ lines: [] }), 'VALIDATION_FAILED');
    expect(await movementCount()).toBe(before);
    expect((await core.verifyAudit()).checked).toBe(auditBefore);
    expect((await core.findProduct({ code: 'ATTA-5' })).qty).toBe(10);
  });

  it('stock-in, removal, adjust and count with variance', async () => {
    await core.addSupplier({ name: 'Metro Wholesale' });
    const si = await core.stockIn({ product: 'OIL-1L', qty: 12_000, unitCostMinor: 14000, supplier: 'metro wholesale' });
    expect(si.movement.supplierId).not.toBeNull();
    const rm = await core.remove({ product: 'OIL-1L', qty: 1000, reason: 'damage', note: 'leaking' });
    expect(rm.movement.qty).toBe(-1000);
    expect(rm.stockAfter).toBe(11_000);
    const adj = await core.adjust({ product: 'OIL-1L', delta: -500, note: 'spillage' });
    expect(adj.stockAfter).toBe(10_500);
    const c = await core.count({ lines: [{ product: 'OIL-1L', counted: 10_000 }, { product: 'ATTA-5', counted: 3 }] });
    expect(c.lines.map((l) => [l.sku, l.expected, l.counted, l.variance])).toEqual([
      ['OIL-1L', 10_500, 10_000, -500],
      ['ATTA-5', 0, 3, 3],
    ]);
    const after = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
    expect(after.lines[0]?.stockAfter).toBe(2);
    expect((await core.listStock({ status: 'low' })).items.map((i) => i.sku)).toEqual(['ATTA-5']);
    expect((await core.listStock({ status: 'out' })).items.map((i) => i.sku)).toEqual(['RICE-LOOSE']);
  });

  it('refuses negative and zero quantities, removal without reason, adjust without note, unknown supplier', async () => {
    await expectError(core.stockIn({ product: 'ATTA-5', qty: -3 }), 'VALIDATION_FAILED', /qty/);
    await expectError(core.stockIn({ product: 'ATTA-5', qty: 0 }), 'VALIDATION_FAILED');
    await expectError(core.stockIn({ product: 'ATTA-5', qty: 1.5 }), 'VALIDATION_FAILED', /whole/);
    await expectError(core.remove({ product: 'ATTA-5', qty: 1, reason: 'lost' as 'theft' }), 'VALIDATION_FAILED', /reason/);
    await expectError(core.adjust({ product: 'ATTA-5', delta: 2, note: '' }), 'VALIDATION_FAILED', /why/);
    await expectError(core.count({ lines: [{ product: 'ATTA-5', counted: -1 }] }), 'VALIDATION_FAILED');
    await expectError(core.stockIn({ product: 'ATTA-5', qty: 1, supplier: 'Nobody' }), 'NOT_FOUND', /supplier/);
    expect(await movementCount()).toBe(0);
  });

  it('local stock equals the shared merge rule over the log; history filters work', async () => {
    await core.stockIn({ product: 'ATTA-5', qty: 10 });
    await core.sell({ lines: [{ product: 'ATTA-5', qty: 3 }] });
    await core.count({ lines: [{ product: 'ATTA-5', counted: 6 }] });
    await core.sell({ lines: [{ product: 'ATTA-5', qty: 2 }] });
    const h = await core.history({ product: 'ATTA-5', limit: 100 });
    expect(h.items.map((m) => m.seq)).toEqual([4, 3, 2, 1]);
    expect(mergeStock(h.items).qty).toBe((await core.findProduct({ code: 'ATTA-5' })).qty);
    expect((await core.history({ kind: 'SALE', limit: 100 })).items.length).toBe(2);
    const page1 = await core.history({ limit: 3 });
    const page2 = await core.history({ limit: 3, cursor: page1.nextCursor ?? undefined });
    expect([...page1.items, ...page2.items].map((m) => m.seq)).toEqual([4, 3, 2, 1]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('users and roles', () => {
  it('creates users with PINs, signs in, and enforces roles once users exist', async () => {
    await expectError(core.createUser({ username: 'ravi', name: 'Ravi', role: 'staff', pin: '1234' }), 'BAD_REQUEST', /first user/);
    const owner = await core.createUser({ username: 'meena', name: 'Meena', role: 'manager', pin: '4321' });
    expect(owner.hasPin).toBe(true);
    await expectError(core.stockIn({ product: 'ATTA-5', qty: 1 }), 'UNAUTHENTICATED');
    await expectError(core.signIn({ username: 'meena', pin: '0000' }), 'UNAUTHENTICATED', /unknown user or wrong PIN/);
    await core.signIn({ username: 'meena', pin: '4321' });
    await core.createUser({ username: 'ravi', name: 'Ravi', role: 'staff', pin: '1234' });
    await expectError(core.createUser({ username: 'ravi', name: 'Ravi 2', role: 'staff', pin: '1234' }), 'CONFLICT');
    await expectError(core.createUser({ username: 'x1', name: 'X', role: 'staff', pin: '12' }), 'VALIDATION_FAILED', /pin/);
    await core.signOut();
    await core.signIn({ username: 'ravi', pin: '1234' });
    const s = await core.stockIn({ product: 'ATTA-5', qty: 4 });
    expect(s.movement.userId).not.toBeNull();
    await expectError(core.adjust({ product: 'ATTA-5', delta: 1, note: 'found one' }), 'FORBIDDEN', /manager/);
    await expectError(core.addProduct({ sku: 'NEW', name: 'New', unit: 'pc', priceMinor: 100 }), 'FORBIDDEN');
    const log = await core.auditLog({ limit: 1 });
    expect(log.items[0]).toMatchObject({ action: 'stock.in', actorName: 'ravi' });
  });
});

describe('audit chain', () => {
  it('verifies, and detects an edited row', async () => {
    await core.stockIn({ product: 'ATTA-5', qty: 10 });
    await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
    const ok = await core.verifyAudit();
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThanOrEqual(6);
    core.connection.prepare(`update audit set after_json = replace(after_json, '"lineCount":1', '"lineCount":9') where action = 'sale.create'`).run();
    // The routine check starts where the last one ended: an edit of an entry it already checked
    // waits for the full check (the screen's button and `audit verify --full`).
    const routine = await core.verifyAudit();
    expect(routine).toMatchObject({ ok: true, mode: 'incremental', coveredBefore: ok.checked });
    const bad = await core.verifyAudit({ full: true });
    expect(bad.ok).toBe(false);
    expect(bad.mode).toBe('full');
    expect(bad.firstBroken?.reason).toMatch(/edited/);
  });
});

describe('CSV import', () => {
  it('keeps good rows and reports bad ones by line', async () => {
    const csv = ['sku,name,unit,price,barcode,category,cost,reorder_level', 'DAL-1,Toor Dal,kg,140,,Pulses,120,2kg', 'BAD ROW,Nope,pc,10', 'SOAP-1,"Lux Soap, 100g",pc,38.50,8901030865278,Personal care,30,10', 'SOAP-1,Dup,pc,1', 'X-2,Bad price,pc,abc', 'ATTA-5,Aashirvaad Atta 5kg,pc,270'].join('\n');
    const progress: number[] = [];
    const r = await core.importProducts({ csv }, { onProgress: (d) => progress.push(d) });
    expect(r).toMatchObject({ rows: 6, created: 2, updated: 1 });
    expect(r.bad.map((b) => b.line)).toEqual([3, 5, 6]);
    expect(r.bad[1]?.message).toMatch(/line 4/);
    expect(progress.at(-1)).toBe(6);
    const dal = await core.findProduct({ code: 'DAL-1' });
    expect(dal).toMatchObject({ unit: 'g', priceMinor: 14000, reorderLevel: 2000 });
    expect((await core.findProduct({ code: 'ATTA-5' })).priceMinor).toBe(27000);
    await expectError(core.importProducts({ csv: 'name,price\nx,1' }), 'BAD_REQUEST', /no sku column/);
  });
});

describe('search', () => {
  it('finds a word inside the name and a SKU prefix in any case, in lists and at the counter', async () => {
    expect((await core.listStock({ search: 'atta' })).items.map((i) => i.sku)).toEqual(['ATTA-5']);
    expect((await core.listStock({ search: 'rice-' })).items.map((i) => i.sku)).toEqual(['RICE-LOOSE']);
    expect((await core.listStock({ search: '100%_x' })).items).toEqual([]);
    expect((await core.searchProducts({ query: 'masoori' })).map((p) => p.sku)).toEqual(['RICE-LOOSE']);
    expect((await core.searchProducts({ query: 'atta' })).map((p) => p.sku)).toEqual(['ATTA-5']);
    expect((await core.searchProducts({ query: 'oil-' })).map((p) => p.sku)).toEqual(['OIL-1L']);
  });
});
