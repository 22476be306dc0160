import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, compareHlc } from '@bazaar/shared';
import type { StoreCore } from '../store-core';
import { tempStore } from '../testing/temp-store';

let core: StoreCore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await tempStore());
  await core.addProduct({ sku: 'ATTA-5', barcode: '8901234567890', name: 'Atta 5kg', unit: 'pc', pricePaise: 26500, costPaise: 24000 });
  await core.addProduct({ sku: 'RICE', name: 'Rice', unit: 'g', pricePaise: 6000 });
  await core.stockIn({ product: 'ATTA-5', qty: 10 });
});
afterEach(async () => cleanup());

interface Row {
  seq: number;
  hlc: string;
  product_id: string;
  qty: number;
  kind: string;
}

function movements(): Row[] {
  return core.connection.prepare('SELECT seq, hlc, product_id, qty, kind FROM movements ORDER BY seq').all() as Row[];
}

function counts() {
  const c = core.connection;
  return {
    movements: (c.prepare('SELECT count(*) AS n FROM movements').get() as { n: number }).n,
    audit: (c.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n,
    stock: c.prepare('SELECT product_id, qty, count_hlc FROM stock ORDER BY product_id').all(),
    hlc: (c.prepare('SELECT hlc_last FROM settings').get() as { hlc_last: string }).hlc_last,
  };
}

describe('counter sale on prepared statements', () => {
  it('a cart with one product on two lines folds both into stock, in order, with gap-free seqs and rising HLCs', async () => {
    const sale = await core.sell({ lines: [{ product: '8901234567890', qty: 2 }, { product: 'RICE', qty: 250 }, { product: 'ATTA-5', qty: 3 }] });
    expect(sale.lines.map((l) => l.stockAfter)).toEqual([8, -250, 5]);
    expect(sale.lines.map((l) => l.seq)).toEqual([2, 3, 4]);
    const rows = movements();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < rows.length; i++) expect(compareHlc((rows[i] as Row).hlc, (rows[i - 1] as Row).hlc)).toBeGreaterThan(0);
    expect(counts().hlc).toBe(rows[3]?.hlc);
    const stock = await core.listStock({});
    expect(Object.fromEntries(stock.items.map((i) => [i.sku, i.qty]))).toEqual({ 'ATTA-5': 5, RICE: -250 });
    expect(await core.verifyAudit()).toMatchObject({ ok: true });
    const audit = await core.auditLog({ action: 'sale.create' });
    expect(audit.items[0]?.after).toMatchObject({ totalPaise: 5 * 26500 + 1500, lines: [{ seq: 2, qty: 2 }, { seq: 3, qty: 250 }, { seq: 4, qty: 3 }] });

    const next = await core.stockIn({ product: 'RICE', qty: 1000 });
    expect(next.movement.seq).toBe(5);
    expect(compareHlc(next.movement.hlc, rows[3]?.hlc as string)).toBeGreaterThan(0);
    expect(next.stockAfter).toBe(750);
  });

  it('a bad last line leaves nothing behind: no movement, stock, audit row or clock change', async () => {
    const before = counts();
    const err = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }, { product: 'RICE', qty: 5 }, { product: 'NOPE', qty: 1 }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).message).toMatch(/line 3/);
    expect(counts()).toEqual(before);
    const ok = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
    expect(ok.lines[0]?.seq).toBe(2);
  });
});
