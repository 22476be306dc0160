import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, compareHlc } from '@bazaar/shared';
import { DeviceClock } from '../clock/device-clock';
import { openStoreDb } from '../db/open-db';
import { writeTx } from '../db/write-tx';
import { requireSettings } from '../settings/settings.repository';
import { StoreCore } from '../store-core';
import { tempStore } from '../testing/temp-store';
import { sell } from './movements.service';

let core: StoreCore;
let path: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, path, cleanup } = await tempStore());
  await core.addProduct({ sku: 'ATTA-5', barcode: '8901234567890', name: 'Atta 5kg', unit: 'pc', priceMinor: 26500, costMinor: 24000 });
  await core.addProduct({ sku: 'RICE', name: 'Rice', unit: 'g', priceMinor: 6000 });
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
    // The row seals the bill's lines (they live in the bill and its movements) rather than repeating them.
    expect(audit.items[0]?.after).toMatchObject({ totalMinor: 5 * 26500 + 1500, lineCount: 3, seqs: [2, 4] });

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

  it('asks for a signed-in user as soon as one exists, even one another process on the file just added', async () => {
    const other = await StoreCore.open(path);
    try {
      await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
      await other.createUser({ username: 'meena', name: 'Meena', role: 'manager', pin: '4321' });
      const before = counts();
      const err = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] }).catch((e: unknown) => e);
      expect((err as DomainError).code).toBe('UNAUTHENTICATED');
      expect(counts()).toEqual(before);
      await core.signIn({ username: 'meena', pin: '4321' });
      const sale = await core.sell({ lines: [{ product: 'ATTA-5', qty: 1 }] });
      const row = core.connection.prepare('SELECT user_id FROM movements WHERE id = ?').get(sale.lines[0]?.movementId);
      expect(row).toEqual({ user_id: (await core.listUsers())[0]?.id });
    } finally {
      await other.close();
    }
  });

  it('waits for a transaction that is awaiting on the same connection instead of landing inside it', async () => {
    await core.close();
    const { db, raw } = await openStoreDb(path);
    try {
      const settings = await requireSettings(db);
      const ctx = { db, raw, clock: new DeviceClock(settings.hlc_node, 0), session: null };
      let entered: () => void = () => undefined;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      // Like a pull page awaiting a remap: it writes, waits, then fails and rolls back.
      const other = writeTx(db, async (trx) => {
        await trx.updateTable('settings').set({ store_name: 'never committed' }).where('id', '=', 1).execute();
        entered();
        await held;
        throw new Error('page failed');
      }).catch((e: unknown) => e);
      await inside;
      const sale = sell(ctx, { lines: [{ product: 'ATTA-5', qty: 2 }] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      expect(await other).toBeInstanceOf(Error);
      expect((await sale).lines[0]?.stockAfter).toBe(8);
      expect(raw.prepare('SELECT store_name FROM settings').get()).toEqual({ store_name: 'Sharma Kirana' });
      expect(raw.prepare('SELECT seq FROM movements ORDER BY seq').all()).toEqual([{ seq: 1 }, { seq: 2 }]);
    } finally {
      await db.destroy();
    }
  });
});
