import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHlc, type Product, type Store } from '@bazaar/shared';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ClockSource } from '../clock/device-clock';
import { StoreCore } from '../store-core';
import { useTestHub } from '../testing/test-hub';

const DAY = 86_400_000;
const t = useTestHub();

/** A counter on a PC whose clock is `skewMs` off; reopen() is the app restarting on the same file. */
async function counter(skewMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-skew-'));
  const path = join(dir, 'store.db');
  const clock: ClockSource = { raw: () => Date.now() + skewMs, mono: () => performance.now() };
  const c = { core: await StoreCore.open(path, { clock }) };
  await c.core.initStore({ code: 'S1', name: 'Sharma Kirana' });
  t.onCleanup(async () => {
    await c.core.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get core() {
      return c.core;
    },
    async reopen() {
      await c.core.close();
      c.core = await StoreCore.open(path, { clock });
    },
  };
}

const pause = () => new Promise((r) => setTimeout(r, 300));

async function setupStore(code: string) {
  const store = await t.hub.api<Store>('POST', '/stores', { code, name: `Store ${code}` }, t.admin);
  const product = await t.hub.api<Product>('POST', '/products', { sku: `${code}-ATTA`, name: 'Atta 5kg', unit: 'pc', priceMinor: 26500 }, t.admin);
  return { store, product };
}
const enrollDevice = (storeId: string, name: string) => t.hub.api<{ token: string; device: { id: string } }>('POST', '/devices', { storeId, name }, t.admin);
const hubStock = async (storeId: string, productId: string) =>
  (await t.hub.api<{ items: { productId: string; qty: number }[] }>('GET', `/stocks?storeId=${storeId}&limit=500`, undefined, t.admin)).items.find((r) => r.productId === productId)?.qty;

describe('wrong PC clocks against the real hub', () => {
  it('two counters 3 days fast and 3 days slow, restarted and offline: after syncing, hub stock is the shelf', async () => {
    const { store, product } = await setupStore('SKEW-1');
    const fast = await counter(3 * DAY);
    const slow = await counter(-3 * DAY);
    await fast.core.enroll({ hubUrl: t.hub.url, token: (await enrollDevice(store.id, 'fast till')).token });
    await slow.core.enroll({ hubUrl: t.hub.url, token: (await enrollDevice(store.id, 'slow till')).token });
    await fast.core.syncNow();
    await slow.core.syncNow();
    // Both apps restart (a PC switched on in the morning): their stamps wait for the next exchange.
    await fast.reopen();
    await slow.reopen();

    // In real time: fast counts 20, slow sells 3, fast sells 2, slow counts 10, fast sells 1. The shelf has 9.
    await fast.core.count({ lines: [{ product: product.sku, counted: 20 }] });
    await pause();
    await slow.core.sell({ lines: [{ product: product.sku, qty: 3 }] });
    await pause();
    await fast.core.sell({ lines: [{ product: product.sku, qty: 2 }] });
    await pause();
    await slow.core.count({ lines: [{ product: product.sku, counted: 10 }] });
    await pause();
    await fast.core.sell({ lines: [{ product: product.sku, qty: 1 }] });

    await slow.core.syncNow();
    await fast.core.syncNow();
    await slow.core.syncNow();

    expect(await hubStock(store.id, product.id)).toBe(9);
    expect((await fast.core.findProduct({ code: product.sku })).qty).toBe(9);
    expect((await slow.core.findProduct({ code: product.sku })).qty).toBe(9);

    // The fast counter's clock no longer sits 3 days ahead, and dates are filed in hub time.
    const last = (fast.core.connection.prepare('SELECT hlc_last FROM settings WHERE id = 1').get() as { hlc_last: string }).hlc_last;
    expect(parseHlc(last).wall).toBeLessThan(Date.now() + 60_000);
    const moves = await t.hub.api<{ items: { occurredAt: string }[] }>('GET', `/stock-movements?storeId=${store.id}&limit=100`, undefined, t.admin);
    expect(moves.items).toHaveLength(5);
    for (const m of moves.items) expect(Math.abs(Date.parse(m.occurredAt) - Date.now())).toBeLessThan(10 * 60_000);
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)('an idle counter re-sends what a hub restored from an older backup lost (needs TEST_DATABASE_URL)', async () => {
    const { store, product } = await setupStore('RESTORE-1');
    const c = await counter(0);
    const dev = await enrollDevice(store.id, 'till');
    await c.core.enroll({ hubUrl: t.hub.url, token: dev.token });
    await c.core.syncNow();
    for (let i = 0; i < 5; i++) await c.core.stockIn({ product: product.sku, qty: 10 });
    await c.core.syncNow();
    expect((await c.core.syncStatus()).ackedSeq).toBe(5);
    expect(await hubStock(store.id, product.id)).toBe(50);

    // The restore: the hub's backup was taken after seq 2 of this device.
    const db = new pg.Client({ connectionString: t.hub.databaseUrl! });
    await db.connect();
    try {
      await db.query('BEGIN');
      const { rows } = await db.query<{ version: string }>(
        `INSERT INTO change_counters (scope, version) VALUES ($1, 1) ON CONFLICT (scope) DO UPDATE SET version = change_counters.version + 1 RETURNING version`,
        [store.id],
      );
      await db.query('DELETE FROM movements WHERE device_id = $1 AND seq > 2', [dev.device.id]);
      await db.query('UPDATE devices SET last_seq = 2 WHERE id = $1', [dev.device.id]);
      await db.query(
        `UPDATE stock SET qty = (SELECT coalesce(sum(qty), 0) FROM movements WHERE store_id = $1 AND product_id = $2), version = $3 WHERE store_id = $1 AND product_id = $2`,
        [store.id, product.id, Number(rows[0]!.version)],
      );
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
    expect(await hubStock(store.id, product.id)).toBe(20);
    expect((await c.core.syncStatus()).pendingMovements).toBe(0);

    // Nothing is pending here, yet the next sync learns the hub's seq from the pull and sends 3..5 again.
    const r = await c.core.syncNow();
    expect(r.pushedMovements).toBe(3);
    expect(r.status).toMatchObject({ ackedSeq: 5, pendingMovements: 0 });
    expect(await hubStock(store.id, product.id)).toBe(50);
    expect((await c.core.findProduct({ code: product.sku })).qty).toBe(50);
    const moves = await t.hub.api<{ items: unknown[] }>('GET', `/stock-movements?storeId=${store.id}&limit=100`, undefined, t.admin);
    expect(moves.items).toHaveLength(5);
  }, 120_000);
});
