import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, mergeStock, projectStock, type PullResponse } from '@bazaar/shared';
import { DeviceClock } from '../clock/device-clock';
import type { CoreContext } from '../core.context';
import { openStoreDb } from '../db/open-db';
import { writeTx } from '../db/write-tx';
import * as movements from '../movements/movements.service';
import { requireSettings } from '../settings/settings.repository';
import { StoreCore } from '../store-core';
import { applyPullPage } from '../sync/sync.pull';
import { recomputeStock } from './stock.view';

const SKUS = ['A', 'B', 'C'];

type Op =
  | { t: 'in'; p: number; qty: number }
  | { t: 'sale'; p: number; qty: number }
  | { t: 'remove'; p: number; qty: number }
  | { t: 'adjust'; p: number; delta: number }
  | { t: 'count'; p: number; counted: number }
  | { t: 'pull'; p: number; qty: number; countAheadMs: number | null; includeFrac: number }
  | { t: 'reject'; frac: number };

const product = fc.integer({ min: 0, max: SKUS.length - 1 });
const qty = fc.integer({ min: 1, max: 50 });
const localOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('in' as const), p: product, qty }),
  fc.record({ t: fc.constant('sale' as const), p: product, qty }),
  fc.record({ t: fc.constant('remove' as const), p: product, qty }),
  fc.record({ t: fc.constant('adjust' as const), p: product, delta: fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0) }),
  fc.record({ t: fc.constant('count' as const), p: product, counted: fc.integer({ min: 0, max: 100 }) }),
);
const syncOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('pull' as const),
    p: product,
    qty: fc.integer({ min: -20, max: 200 }),
    // A count from another counter, possibly stamped ahead of (or behind) this device's clock.
    countAheadMs: fc.option(fc.integer({ min: -60_000, max: 60_000 }), { nil: null }),
    includeFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ t: fc.constant('reject' as const), frac: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

async function withStore<T>(fn: (ctx: CoreContext, ids: string[]) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bazaar-prop-'));
  const path = join(dir, 'store.db');
  try {
    const core = await StoreCore.open(path);
    await core.initStore({ code: 'P', name: 'Prop' });
    const ids: string[] = [];
    for (const sku of SKUS) ids.push((await core.addProduct({ sku, name: `Product ${sku}`, unit: 'pc', priceMinor: 100 })).id);
    await core.close();
    const { db, raw } = await openStoreDb(path);
    const settings = await requireSettings(db);
    const ctx: CoreContext = { db, raw, clock: new DeviceClock(settings.hlc_node, 0), settings, session: null };
    try {
      return await fn(ctx, ids);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(ctx: CoreContext, ids: string[], op: Op): Promise<void> {
  const ref = (p: number) => SKUS[p] as string;
  switch (op.t) {
    case 'in':
      await movements.stockIn(ctx, { product: ref(op.p), qty: op.qty });
      return;
    case 'sale':
      await movements.sell(ctx, { lines: [{ product: ref(op.p), qty: op.qty }] });
      return;
    case 'remove':
      await movements.remove(ctx, { product: ref(op.p), qty: op.qty, reason: 'damage' });
      return;
    case 'adjust':
      await movements.adjust(ctx, { product: ref(op.p), delta: op.delta, note: 'prop' });
      return;
    case 'count':
      await movements.count(ctx, { lines: [{ product: ref(op.p), counted: op.counted }] });
      return;
    case 'pull': {
      const top = await ctx.db.selectFrom('movements').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
      const includesSeq = Math.floor(Number(top?.m ?? 0) * op.includeFrac);
      const now = ctx.clock.nowMs();
      const countHlc = op.countAheadMs === null ? null : formatHlc({ wall: now + op.countAheadMs, counter: 0, node: 'othercounter' });
      const at = new Date(now).toISOString();
      const page: PullResponse = {
        serverTime: now,
        hubHlc: formatHlc({ wall: now, counter: 0, node: 'hub' }),
        cursor: `c${now}`,
        hasMore: false,
        includesSeq,
        store: { id: ctx.settings.store_id, code: 'P', name: 'Prop', region: null, location: null, varianceThreshold: 10, varianceLoosePercent: 2, timeZone: 'Asia/Kolkata', defaultLocale: null, archived: false, createdAt: at, updatedAt: at },
        products: [],
        suppliers: [],
        staff: [],
        stock: [{ storeId: ctx.settings.store_id, productId: ids[op.p] as string, qty: op.qty, reorderLevel: 0, status: 'ok', lastCountHlc: countHlc, lastCountQty: countHlc ? op.qty : null, lastCountVariance: null, updatedAt: at }],
        remaps: [],
      };
      await writeTx(ctx.db, (db) => applyPullPage({ ...ctx, db }, db, page, 0));
      return;
    }
    case 'reject': {
      // What a push answer does when the hub rejects a movement: it no longer counts locally.
      const all = await ctx.db.selectFrom('movements').select(['id', 'product_id']).orderBy('seq').execute();
      const victim = all[Math.floor(all.length * op.frac)];
      if (!victim) return;
      await writeTx(ctx.db, async (db) => {
        await db.updateTable('movements').set({ sync_status: 'rejected', sync_reason: 'prop' }).where('id', '=', victim.id).execute();
        await recomputeStock(db, [victim.product_id], new Date().toISOString());
      });
      return;
    }
  }
}

async function maintained(ctx: CoreContext, productId: string): Promise<number> {
  const row = await ctx.db.selectFrom('stock').select('qty').where('product_id', '=', productId).executeTakeFirst();
  const base = await ctx.db.selectFrom('stock_baseline').select('qty').where('product_id', '=', productId).executeTakeFirst();
  return row?.qty ?? base?.qty ?? 0;
}

describe('local stock view', () => {
  it('stand-alone: the maintained stock equals mergeStock over the local log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(localOp, { minLength: 1, maxLength: 25 }), async (ops) =>
        withStore(async (ctx, ids) => {
          for (const op of ops) await run(ctx, ids, op);
          for (const id of ids) {
            const log = await ctx.db.selectFrom('movements').select(['id', 'kind', 'qty', 'hlc']).where('product_id', '=', id).execute();
            expect(await maintained(ctx, id)).toBe(mergeStock(log).qty);
          }
        }),
      ),
      { numRuns: 40 },
    );
  });

  it('with a hub: the maintained stock equals projectStock(baseline, movements after includesSeq, not rejected)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 3, arbitrary: localOp }, { weight: 1, arbitrary: syncOp }), { minLength: 1, maxLength: 30 }), async (ops) =>
        withStore(async (ctx, ids) => {
          for (const op of ops) await run(ctx, ids, op);
          for (const id of ids) {
            const b = await ctx.db.selectFrom('stock_baseline').selectAll().where('product_id', '=', id).executeTakeFirst();
            const pending = await ctx.db
              .selectFrom('movements')
              .select(['id', 'kind', 'qty', 'hlc'])
              .where('product_id', '=', id)
              .where('seq', '>', b?.includes_seq ?? 0)
              .where('sync_status', '!=', 'rejected')
              .execute();
            const expected = projectStock({ qty: b?.qty ?? 0, lastCountHlc: b?.last_count_hlc ?? null }, pending);
            expect(await maintained(ctx, id)).toBe(expected);
          }
        }),
      ),
      { numRuns: 40 },
    );
  });
});
