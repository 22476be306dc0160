import { DomainError, uuidv7 } from '@bazaar/shared';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.log';
import { writeTx } from '../db/write-tx';
import type { Executor, MovementRow, ProductRow } from '../db/db.types';
import { requireActor, type CoreContext } from '../core.context';
import type {
  CountResult,
  MovementView,
  SaleResult,
  SingleMovementResult,
  adjustInput,
  countInput,
  removeInput,
  sellInput,
  stockInInput,
} from '../core.api';
import { productByCode } from '../products/products.repository';
import { stockQty } from '../stock/stock.view';
import { appendMovement } from './movements.record';
import { completeSale, type SaleContext } from '../bills/bills.sale';

type In<T extends z.ZodType> = z.output<T>;

/** A product that may take part in a new movement: known and not archived. */
export async function resolveActiveProduct(db: Executor, ref: string, where: string): Promise<ProductRow> {
  const p = await productByCode(db, ref);
  if (!p) throw new DomainError('NOT_FOUND', `${where}: no product with barcode, SKU or id "${ref}"`, { product: ref });
  if (p.archived === 1) {
    throw new DomainError('UNPROCESSABLE', `${where}: product ${p.sku} (${p.name}) is archived; restore it before using it`, { product: ref });
  }
  return p;
}

export function movementView(m: MovementRow, p: Pick<ProductRow, 'sku' | 'name' | 'unit'>): MovementView {
  return {
    id: m.id,
    seq: m.seq,
    hlc: m.hlc,
    kind: m.kind,
    productId: m.product_id,
    sku: p.sku,
    productName: p.name,
    unit: p.unit,
    qty: m.qty,
    unitPriceMinor: m.unit_price_minor,
    unitCostMinor: m.unit_cost_minor,
    reason: m.reason,
    note: m.note,
    supplierId: m.supplier_id,
    batchId: m.batch_id,
    userId: m.user_id,
    lot: m.lot,
    expiresOn: m.expires_on,
    occurredAt: m.occurred_at,
    syncStatus: m.sync_status,
    syncReason: m.sync_reason,
  };
}

export type { SaleContext };

/** A cart: every line or none, as one bill (see bills.sale.ts). */
export async function sell(ctx: SaleContext, input: In<typeof sellInput>): Promise<SaleResult> {
  return completeSale(ctx, input);
}

async function singleMovement(
  ctx: CoreContext,
  minRole: 'staff' | 'manager',
  action: string,
  ref: string,
  build: (db: Executor, p: ProductRow) => Promise<Parameters<typeof appendMovement>[2]>,
): Promise<SingleMovementResult> {
  const actor = await requireActor(ctx, minRole);
  return writeTx(ctx.db, async (db) => {
    const p = await resolveActiveProduct(db, ref, action);
    const before = await stockQty(db, p.id);
    const m = await appendMovement(db, ctx.clock, { ...(await build(db, p)), userId: actor.userId });
    const after = await stockQty(db, p.id);
    await appendAudit(db, {
      actor,
      action,
      entity: 'movement',
      entityId: m.id,
      storeId: ctx.settings.store_id,
      before: { productId: p.id, sku: p.sku, qty: before },
      after: { productId: p.id, sku: p.sku, qty: after, movement: { seq: m.seq, kind: m.kind, qty: m.qty, reason: m.reason, note: m.note } },
      at: new Date(ctx.clock.nowMs()),
    });
    return { movement: movementView(m, p), stockAfter: after };
  });
}

export async function stockIn(ctx: CoreContext, input: In<typeof stockInInput>): Promise<SingleMovementResult> {
  return singleMovement(ctx, 'staff', 'stock.in', input.product, async (db, p) => ({
    kind: 'IN',
    productId: p.id,
    qty: input.qty,
    unitCostMinor: input.unitCostMinor ?? p.cost_minor,
    supplierId: input.supplier ? await resolveSupplier(db, input.supplier) : p.supplier_id,
    note: input.note ?? null,
    lot: input.lot ?? null,
    expiresOn: input.expiresOn ?? null,
  }));
}

export async function remove(ctx: CoreContext, input: In<typeof removeInput>): Promise<SingleMovementResult> {
  return singleMovement(ctx, 'staff', 'stock.remove', input.product, async (_db, p) => ({
    kind: 'REMOVE',
    productId: p.id,
    qty: -input.qty,
    reason: input.reason,
    unitCostMinor: p.cost_minor,
    note: input.note ?? null,
  }));
}

export async function adjust(ctx: CoreContext, input: In<typeof adjustInput>): Promise<SingleMovementResult> {
  return singleMovement(ctx, 'manager', 'stock.adjust', input.product, async (_db, p) => ({
    kind: 'ADJUST',
    productId: p.id,
    qty: input.delta,
    note: input.note,
  }));
}

/** A count session: each line records the counted absolute; variance = counted − what the view expected. */
export async function count(ctx: CoreContext, input: In<typeof countInput>): Promise<CountResult> {
  const actor = await requireActor(ctx);
  return writeTx(ctx.db, async (db) => {
    const products: ProductRow[] = [];
    const seen = new Set<string>();
    for (const [i, line] of input.lines.entries()) {
      const p = await resolveActiveProduct(db, line.product, `line ${i + 1}`);
      if (seen.has(p.id)) throw new DomainError('BAD_REQUEST', `line ${i + 1}: ${p.sku} is counted twice in one session`, { line: i + 1 });
      seen.add(p.id);
      products.push(p);
    }
    const batchId = uuidv7(ctx.clock.nowMs());
    const lines: CountResult['lines'] = [];
    for (const [i, line] of input.lines.entries()) {
      const p = products[i] as ProductRow;
      const expected = await stockQty(db, p.id);
      const m = await appendMovement(db, ctx.clock, { kind: 'COUNT', productId: p.id, qty: line.counted, note: input.note ?? null, batchId, userId: actor.userId });
      lines.push({ movementId: m.id, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, expected, counted: line.counted, variance: line.counted - expected });
    }
    await appendAudit(db, {
      actor,
      action: 'stock.count',
      entity: 'count',
      entityId: batchId,
      storeId: ctx.settings.store_id,
      before: null,
      after: { lines: lines.map((l) => ({ movementId: l.movementId, sku: l.sku, expected: l.expected, counted: l.counted, variance: l.variance })) },
      at: new Date(ctx.clock.nowMs()),
    });
    return { batchId, lines };
  });
}

async function resolveSupplier(db: Executor, ref: string): Promise<string> {
  const byId = await db.selectFrom('suppliers').select('id').where('id', '=', ref).executeTakeFirst();
  if (byId) return byId.id;
  const byName = await db
    .selectFrom('suppliers')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', ref.toLowerCase()))
    .where('archived', '=', 0)
    .execute();
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) throw new DomainError('CONFLICT', `more than one supplier is called "${ref}": use its id`);
  throw new DomainError('NOT_FOUND', `no supplier "${ref}" (add it with \`bazaar-store supplier add\`)`, { supplier: ref });
}
