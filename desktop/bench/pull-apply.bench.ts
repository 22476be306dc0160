import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatHlc, pullResponseSchema, type Product, type PullResponse, type StockRow } from '@bazaar/shared';
import { buildProducts, buildSuppliers } from '../../hub/src/dev/world/catalog.build';
import { Rng } from '../../hub/src/dev/world/random';
import { DeviceClock } from '../src/core/clock/device-clock';
import type { CoreContext } from '../src/core/core.context';
import { openStoreDb } from '../src/core/db/open-db';
import { writeTx } from '../src/core/db/write-tx';
import { requireSettings } from '../src/core/settings/settings.repository';
import { StoreCore } from '../src/core/store-core';
import { applyPullPage } from '../src/core/sync/sync.pull';

/**
 * The device side of a catch-up pull without the hub: the pages a new device receives for a
 * 20,000-product catalog and its store's stock (in the hub's page order: products, then stock),
 * each checked against the protocol schema and applied in its own write transaction, as
 * pullAll does. Isolates the core's cost from HTTP and Postgres; `pnpm bench --only pull`
 * remains the end-to-end figure.
 */
async function main() {
  const { values } = parseArgs({ options: { products: { type: 'string' }, limit: { type: 'string' }, runs: { type: 'string' } }, strict: true });
  const count = Number(values.products ?? 20_000);
  const limit = Number(values.limit ?? 1000);
  const runs = Number(values.runs ?? 3);
  const rng = new Rng(5);
  const createdMs = Date.now();
  const suppliers = buildSuppliers(rng, createdMs);
  const at = new Date(createdMs).toISOString();
  const storeId = '01930000-0000-7000-8000-00000000b001';
  const products: Product[] = buildProducts(rng, count, suppliers, { skuPrefix: '', barcodeTag: '00', createdMs }).map((p) => ({
    ...p,
    packs: [],
    archived: false,
    createdAt: at,
    updatedAt: at,
  }));
  const stock: StockRow[] = products.map((p, i) => ({
    storeId,
    productId: p.id,
    qty: rng.int(0, 500),
    reorderLevel: p.reorderLevel,
    status: 'ok',
    lastCountHlc: i % 7 === 0 ? formatHlc({ wall: createdMs - 86_400_000, counter: 0, node: 'othercounter' }) : null,
    lastCountQty: null,
    lastCountVariance: null,
    updatedAt: at,
  }));
  const pages: string[] = [];
  const rowsOf = [...products.map((p) => ({ p })), ...stock.map((s) => ({ s }))];
  for (let i = 0; i < rowsOf.length; i += limit) {
    const chunk = rowsOf.slice(i, i + limit);
    const page: PullResponse = {
      serverTime: createdMs,
      hubHlc: formatHlc({ wall: createdMs, counter: 0, node: 'hub' }),
      cursor: `c${i}`,
      hasMore: i + limit < rowsOf.length,
      includesSeq: 0,
      store: { id: storeId, code: 'BENCH', name: 'Bench', region: null, location: null, varianceThreshold: 10, varianceLoosePercent: 2, timeZone: 'Asia/Kolkata', defaultLocale: null, archived: false, createdAt: at, updatedAt: at },
      products: chunk.flatMap((r) => ('p' in r ? [r.p] : [])),
      suppliers: i === 0 ? suppliers.map((s) => ({ id: s.id, name: s.name, phone: s.phone, email: null, address: null, archived: false, createdAt: at, updatedAt: at })) : [],
      staff: [],
      stock: chunk.flatMap((r) => ('s' in r ? [r.s] : [])),
      remaps: [],
    };
    pages.push(JSON.stringify(page));
  }

  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bazaar-bench-pull-apply-'));
    try {
      const file = path.join(dir, 'store.db');
      const core = await StoreCore.open(file);
      await core.initStore({ code: 'BENCH', name: 'Bench Counter' });
      await core.close();
      const { db, raw } = await openStoreDb(file);
      const settings = await requireSettings(db);
      const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0), settings, session: null };
      let parseMs = 0;
      let applyMs = 0;
      const cpu0 = process.cpuUsage();
      for (const text of pages) {
        const t0 = performance.now();
        const page = pullResponseSchema.parse(JSON.parse(text));
        const t1 = performance.now();
        await writeTx(db, (trx) => applyPullPage(ctx, trx, page, 0));
        applyMs += performance.now() - t1;
        parseMs += t1 - t0;
      }
      const cpu = process.cpuUsage(cpu0);
      const n = raw.prepare('SELECT (SELECT count(*) FROM products) AS p, (SELECT count(*) FROM stock) AS s').get() as { p: number; s: number };
      await db.destroy();
      console.log(`run ${r + 1}: ${pages.length} pages (limit ${limit}): JSON+schema ${(parseMs / 1000).toFixed(2)} s, apply ${(applyMs / 1000).toFixed(2)} s; CPU (both) ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; ${n.p} products, ${n.s} stock rows`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(`pull-apply bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
